#!/usr/bin/env bash
# The demo behind `./banq demo [--run v10a|v10b|v10c] [--hosts 2]`: the whole system on a local
# devnet, in var/demo/. Starts the chain with the emulated protocol of the contract run (v10a unless
# told otherwise) and simulated activity, indexes every series into
# the state directory, serves the databases with the API, shows the scheduler firing, and keeps
# everything up until Ctrl-C, which stops every process it started. With --hosts 2 two scheduler
# daemons (host-a, host-b) share one schedule through a throwaway PostgreSQL (local-postgres.sh),
# each indexing into its own state directory; the API serves host-a's.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BANQ="$ROOT/banq"
DEMO_DIR="$ROOT/var/demo"
DAYS=${DEMO_DAYS:-7}
SERVE_SECONDS=${DEMO_SERVE_SECONDS:-60}
RUN=v10a
HOSTS=1

usage_error() {
    echo "demo: $*; usage: ./banq demo [--run v10a|v10b|v10c] [--hosts 2]" >&2
    exit 64
}
while (($# > 0)); do
    case $1 in
    --run)
        (($# >= 2)) || usage_error "--run needs a contract run"
        RUN=$2
        shift 2
        ;;
    --run=*)
        RUN=${1#--run=}
        shift
        ;;
    --hosts)
        (($# >= 2)) || usage_error "--hosts needs a number"
        HOSTS=$2
        shift 2
        ;;
    --hosts=*)
        HOSTS=${1#--hosts=}
        shift
        ;;
    *) usage_error "unknown argument '$1'" ;;
    esac
done
case $RUN in
v10a | v10b | v10c) ;;
*) usage_error "--run must be v10a, v10b or v10c, not '$RUN'" ;;
esac
case $HOSTS in
1 | 2) ;;
*) usage_error "--hosts must be 1 or 2, not '$HOSTS'" ;;
esac

LOCAL_POSTGRES="$ROOT/infra/demo/local-postgres.sh"
pids=()
postgres_dir="" # set once the demo starts its PostgreSQL (--hosts 2)
cleanup() {
    trap - EXIT INT TERM
    local pid
    for pid in "${pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [[ -n $postgres_dir ]]; then
        "$LOCAL_POSTGRES" stop "$postgres_dir" || true
    fi
    echo "demo: stopped"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '\ndemo: %s\n' "$*"; }

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null ||
        echo $((20000 + RANDOM % 20000))
}

# waits until a line matching a pattern appears in a log file, or the process dies
await_line() { # pid file pattern seconds
    local pid=$1 file=$2 pattern=$3 seconds=$4 i
    for ((i = 0; i < seconds * 10; i++)); do
        if grep -q -- "$pattern" "$file" 2>/dev/null; then
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "demo: the process behind $file stopped; its output:" >&2
            cat "$file" >&2
            return 1
        fi
        sleep 0.1
    done
    echo "demo: '$pattern' did not appear in $file within ${seconds}s" >&2
    return 1
}

# the cluster names of --hosts 2; the first keeps the demo's state directory, which the API serves
HOST_NAMES=(host-a host-b)
state_dir_of() { # host -> its state directory, its own series databases
    if [[ $1 == "${HOST_NAMES[0]}" ]]; then
        echo "$DEMO_DIR/lib"
    else
        echo "$DEMO_DIR/lib-$1"
    fi
}

# runs a command as one host of the cluster (its name and state directory); with no host, as is
on_host() { # host command...
    local host=$1
    shift
    if [[ -z $host ]]; then
        "$@"
    else
        BANQ_HOST=$host BANQ_STATE_DIR=$(state_dir_of "$host") "$@"
    fi
}

# SIGTERM, as systemd stops a daemon: a running execution stops after its chunk; a daemon still
# running a minute later is killed
stop_daemons() { # pid...
    local pid i
    kill -TERM "$@" 2>/dev/null || true
    for pid in "$@"; do
        for ((i = 0; i < 600; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            echo "demo: daemon $pid still running 60s after SIGTERM: killing it" >&2
            kill -KILL "$pid" 2>/dev/null || true
        fi
        wait "$pid" 2>/dev/null || true
    done
}

# the server of an earlier demo that was killed would keep running on data removed below
"$LOCAL_POSTGRES" stop "$DEMO_DIR/postgres" 2>/dev/null || true
rm -rf "$DEMO_DIR"
mkdir -p "$DEMO_DIR/lib" "$DEMO_DIR/db"
export BANQ_STATE_DIR="$DEMO_DIR/lib"

# building every jar once up front keeps the steps below quiet
"$BANQ" build -Dspotless.check.skip=true

say "starting the devnet: anvil, the emulated $RUN protocol, $DAYS days of activity sent by the keeper jobs"
chain_port=$(free_port)
# the devnet's keeper jobs sign with the devnet's own key, never with one from the caller's shell
(cd "$DEMO_DIR" && exec env -u PRIVATE_KEY -u PRIVATE_KEY_FILE "$BANQ" devnet --run "$RUN" --days "$DAYS" --port "$chain_port") >"$DEMO_DIR/devnet.log" 2>&1 &
pids+=($!)
tail -n +1 -f "$DEMO_DIR/devnet.log" --pid "${pids[-1]}" 2>/dev/null | grep --line-buffered 'keeper jobs: day' &
progress=$!
await_line "${pids[-1]}" "$DEMO_DIR/devnet.log" '^CONTRACTS_FILE=' 900
kill "$progress" 2>/dev/null || true
grep -E '^(PROVIDER_URL|CONTRACTS_FILE)=' "$DEMO_DIR/devnet.log"
PROVIDER_URL=$(sed -n 's/^PROVIDER_URL=//p' "$DEMO_DIR/devnet.log" | head -n 1)
CONTRACTS_FILE=$(sed -n 's/^CONTRACTS_FILE=//p' "$DEMO_DIR/devnet.log" | head -n 1)
# the jobs and the API read the run's contracts and rows
CONTRACT_RUN=$RUN
export PROVIDER_URL CONTRACTS_FILE CONTRACT_RUN
say "contract registry ($CONTRACTS_FILE):"
grep -v '^#' "$CONTRACTS_FILE" | grep -v '^$'

hosts=("")
if ((HOSTS > 1)); then
    hosts=("${HOST_NAMES[@]:0:HOSTS}")
    say "starting PostgreSQL on loopback: the job repository and Quartz job store that ${hosts[*]} share"
    postgres_dir="$DEMO_DIR/postgres"
    "$LOCAL_POSTGRES" start "$postgres_dir" "$(free_port)" >"$DEMO_DIR/postgres.env"
    cat "$DEMO_DIR/postgres.env"
    BANQ_DATABASE_URL=$(sed -n 's/^BANQ_DATABASE_URL=//p' "$DEMO_DIR/postgres.env")
    BANQ_DATABASE_USER=$(sed -n 's/^BANQ_DATABASE_USER=//p' "$DEMO_DIR/postgres.env")
    BANQ_DATABASE_PASSWORD_FILE=$(sed -n 's/^BANQ_DATABASE_PASSWORD_FILE=//p' "$DEMO_DIR/postgres.env")
    # every banq batch command below, status included, reads and writes the shared repository
    BANQ_HOST=${hosts[0]}
    export BANQ_DATABASE_URL BANQ_DATABASE_USER BANQ_DATABASE_PASSWORD_FILE BANQ_HOST
fi

# each host indexes into its own series databases
for host in "${hosts[@]}"; do
    for job in reindex-watch retwap-watch; do
        say "indexing every series from its deployment: $job${host:+ on $host ($(state_dir_of "$host"))}"
        on_host "$host" "$BANQ" batch run "$job" series=all from=deploy to=finalized
    done
done

say "linking the series databases for the API into $DEMO_DIR/db"
"$ROOT/infra/bin/banq-link.sh" --state-dir "$DEMO_DIR/lib" --db-path "$DEMO_DIR/db"

say "starting the API"
api_port=$(free_port)
"$BANQ" api -H 127.0.0.1 -p "$api_port" -P "$DEMO_DIR/db" -S "$DEMO_DIR/lib" >"$DEMO_DIR/api.log" 2>&1 &
pids+=($!)
await_line "${pids[-1]}" "$DEMO_DIR/api.log" 'API listening on' 120
today=$(date -u +%F)
since=$(date -u -d "$DAYS days ago" +%F)
api="http://127.0.0.1:$api_port"
cat <<EOF

The API serves the demo's databases. Try:
  curl -s $api/health
  curl -s '$api/ri_apow_supply_0/daily_average.json?lhs=$since&rhs=$today'
  curl -s '$api/ri_xpow_borrow_0/daily_average.json?lhs=$since&rhs=$today'
  curl -s '$api/rt_xpow_apow_0/daily_ohlc.json?lhs=$since&rhs=$today'
  curl -si '$api/rt_apow_xpow_0/daily_ohlc.json?lhs=$since&rhs=$today'
EOF
echo
echo "One of them, answered now:"
curl -s "$api/ri_apow_supply_0/daily_average.json?lhs=$since&rhs=$today" | head -c 600
echo

say "running the scheduler daemon with a fast schedule for ${SERVE_SECONDS}s (banq-batch serve)"
PRIVATE_KEY_FILE=$(sed -n 's/^PRIVATE_KEY_FILE=//p' "$DEMO_DIR/devnet.log" | head -n 1)
export PRIVATE_KEY_FILE
# the devnet never reorganises, so the watch jobs may index up to its latest block and show the
# keepers' new events within the minute (production keeps the default, to=finalized)
# the daemon's metrics, health and /status on a free loopback port (8002 may be taken)
FAST_SCHEDULE=(
    BANQ_SCHEDULE_JITTER=0s
    BANQ_SCHEDULE_REINDEXWATCH_PARAMETERS_TO=latest
    BANQ_SCHEDULE_RETWAPWATCH_PARAMETERS_TO=latest
    'BANQ_SCHEDULE_REINDEX_CRON=0/15 * * * * ?'
    'BANQ_SCHEDULE_RETWAP_CRON=3/15 * * * * ?'
    'BANQ_SCHEDULE_REINDEXWATCH_CRON=6/15 * * * * ?'
    'BANQ_SCHEDULE_RETWAPWATCH_CRON=9/15 * * * * ?'
)
if ((HOSTS == 1)); then
    management_port=$(free_port)
    say "the daemon's status page: http://127.0.0.1:$management_port/status"
    env BANQ_MANAGEMENT_PORT="$management_port" "${FAST_SCHEDULE[@]}" \
        timeout --signal=TERM "$SERVE_SECONDS" "$BANQ" batch serve || true
else
    # one daemon per host on the same schedule: each keeper fire runs on one host, each watch
    # fire on every host (into its own series databases); their lines come prefixed by the host.
    # The period counts from when both have their schedules, as two JVMs start slowly side by side.
    serve_pids=()
    tails=()
    for host in "${hosts[@]}"; do
        management_port=$(free_port)
        say "$host's daemon: status page http://127.0.0.1:$management_port/status, output $DEMO_DIR/serve-$host.log"
        (BANQ_MANAGEMENT_PORT=$management_port on_host "$host" exec env "${FAST_SCHEDULE[@]}" \
            "$BANQ" batch serve) >"$DEMO_DIR/serve-$host.log" 2>&1 &
        serve_pids+=($!)
        pids+=($!)
        tail -n +1 -f "$DEMO_DIR/serve-$host.log" --pid "$!" 2>/dev/null | sed -u "s/^/$host | /" &
        tails+=($!)
    done
    for i in "${!hosts[@]}"; do
        await_line "${serve_pids[i]}" "$DEMO_DIR/serve-${hosts[i]}.log" 'ScheduleDaemon: schedule ' 300
    done
    say "${hosts[*]} share the schedule for ${SERVE_SECONDS}s"
    sleep "$SERVE_SECONDS"
    stop_daemons "${serve_pids[@]}"
    # a tail ends within a second of its daemon, after the daemon's last lines
    for pid in "${tails[@]}"; do
        wait "$pid" || true
    done
    say "the executions of both hosts in the shared job repository, each with the host that ran it:"
fi
"$BANQ" batch status || true
"$ROOT/infra/bin/banq-link.sh" --state-dir "$DEMO_DIR/lib" --db-path "$DEMO_DIR/db" >/dev/null

say "everything is up: chain at $PROVIDER_URL, API at $api. Ctrl-C stops the demo."
wait "${pids[0]}"
