// Compiles contracts/*.sol with the pinned solc (package.json) into one JSON artifact per deployed
// contract: { contractName, abi, bytecode }. Fixed settings and sorted keys keep the output
// byte-for-byte reproducible. Usage: node compile.js <output-dir>   (run by build-contracts.sh)
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const DEPLOYED = [
  'Token', 'XPower', 'Feed', 'Oracle', 'PackedOracle', 'Pool', 'Position', 'LogPosition', 'Driver',
];
const contractsDir = path.join(__dirname, 'contracts');

function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted(value[k])]));
  }
  return value;
}

function main(outDir) {
  const sources = {};
  for (const file of fs.readdirSync(contractsDir).filter((f) => f.endsWith('.sol')).sort()) {
    sources[file] = { content: fs.readFileSync(path.join(contractsDir, file), 'utf8') };
  }
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      evmVersion: 'cancun',
      optimizer: { enabled: true, runs: 200 },
      metadata: { bytecodeHash: 'none', appendCBOR: false },
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors || []).filter((e) => e.severity === 'error');
  for (const e of output.errors || []) process.stderr.write(e.formattedMessage + '\n');
  if (errors.length > 0) process.exit(1);

  fs.mkdirSync(outDir, { recursive: true });
  for (const name of DEPLOYED) {
    const file = Object.keys(output.contracts).find((f) => output.contracts[f][name]);
    if (!file) throw new Error(`contract ${name} not found in contracts/`);
    const contract = output.contracts[file][name];
    const artifact = {
      contractName: name,
      compiler: `solc ${solc.version()}`,
      abi: sorted(contract.abi),
      bytecode: '0x' + contract.evm.bytecode.object,
    };
    fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(artifact, null, 2) + '\n');
  }
}

if (process.argv.length !== 3) {
  process.stderr.write('usage: node compile.js <output-dir>\n');
  process.exit(64);
}
main(process.argv[2]);
