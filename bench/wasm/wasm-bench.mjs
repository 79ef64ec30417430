// Measures the original XPOW miner (@blackhan-software/wasm-miner, KeccakHasher().reduce) over the
// same 84-byte proof-of-work input as banq-miner: 20 + 32 + 32 bytes, the nonce big-endian in the
// last 8 bytes. Run by `./banq bench miner`; prints one JSON line:
//   {"hps_1t": [per run], "hps_nt": [per run], "threads": N}
// usage: node wasm-bench.mjs --seconds S --runs R --threads N
import { createRequire } from "node:module";
import { randomBytes } from "node:crypto";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

const require = createRequire(import.meta.url);
const { KeccakHasher } = require("@blackhan-software/wasm-miner");

const CHUNK = 65536n; // nonces per reduce call, as the original xpow-mine does
const LEVEL = 8; // callback filter; finds are rare and cost nothing here

async function hashFor(millis) {
  const hasher = await KeccakHasher();
  const data = new Uint8Array(randomBytes(84));
  let nonce = BigInt("0x" + randomBytes(6).toString("hex"));
  let hashes = 0n;
  const cpu = process.cpuUsage();
  const start = performance.now();
  while (performance.now() - start < millis) {
    hasher.reduce(data, { range: [nonce, nonce + CHUNK], zeros: LEVEL, callback: () => {} });
    nonce += CHUNK;
    hashes += CHUNK;
  }
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu); // microseconds of the whole process
  return { hps: Number(hashes) / seconds, cpu: Number(hashes) / ((used.user + used.system) / 1e6) };
}

function inWorkers(threads, millis) {
  const url = new URL(import.meta.url);
  return Promise.all(
    Array.from({ length: threads }, () =>
      new Promise((resolve, reject) => {
        const worker = new Worker(url, { workerData: { millis } });
        worker.once("message", resolve);
        worker.once("error", reject);
      }),
    ),
  ).then((rates) => rates.reduce((a, b) => a + b.hps, 0));
}

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

if (isMainThread) {
  const millis = option("--seconds", 2) * 1000;
  const runs = option("--runs", 3);
  const threads = option("--threads", 1);
  await hashFor(Math.min(millis, 1000)); // warm-up: compile the module
  const one = [];
  const cpu = [];
  const many = [];
  for (let run = 0; run < runs; run++) {
    const rate = await hashFor(millis);
    one.push(rate.hps);
    cpu.push(rate.cpu);
  }
  for (let run = 0; run < runs; run++) {
    many.push(await inWorkers(threads, millis));
  }
  console.log(JSON.stringify({ hps_1t: one, cpu_hps_1t: cpu, hps_nt: many, threads }));
} else {
  await hashFor(Math.min(workerData.millis, 1000));
  parentPort.postMessage(await hashFor(workerData.millis));
}
