#!/usr/bin/env bash
# local-postgres.sh: a throwaway PostgreSQL for `./banq demo --hosts 2`, the job repository and
# Quartz job store the demo's daemons share. Not installed anywhere.
#
#   local-postgres.sh start DIR PORT   initdb into DIR, the server on 127.0.0.1:PORT only, one
#                                      user `banq` with a random password (kept in DIR/password),
#                                      a database `banq`; prints BANQ_DATABASE_URL=,
#                                      BANQ_DATABASE_USER= and BANQ_DATABASE_PASSWORD_FILE= lines
#   local-postgres.sh stop DIR         fast shutdown (a kill after 15 s), then DIR is removed
#
# The server's programs come from env PG_BIN or the newest /usr/lib/postgresql/<major>/bin (the
# Debian package postgresql, which infra/setup-test-tools.sh installs). initdb and postgres refuse
# root: as root they run as the postgres system user that package creates.
set -euo pipefail

POSTGRESQL_LIB=/usr/lib/postgresql
SERVER_USER=postgres
DATABASE=banq
START_SECONDS=60
STOP_SECONDS=15

say() { printf 'local-postgres: %s\n' "$*" >&2; }
die() { # status message...
    local status=$1
    shift
    say "$*"
    exit "$status"
}

usage() {
    die 64 "usage: local-postgres.sh start DIR PORT | stop DIR"
}

server_bin() { # the folder holding initdb, pg_ctl and postgres
    local bin
    if [[ -n ${PG_BIN:-} ]]; then
        [[ -x $PG_BIN/initdb && -x $PG_BIN/pg_ctl && -x $PG_BIN/postgres ]] ||
            die 69 "PG_BIN=$PG_BIN lacks initdb, pg_ctl or postgres: point it at a server's bin folder"
        echo "$PG_BIN"
        return
    fi
    for bin in $(printf '%s\n' "$POSTGRESQL_LIB"/*/bin | sort -V -r); do
        if [[ -x $bin/initdb && -x $bin/pg_ctl && -x $bin/postgres ]]; then
            echo "$bin"
            return
        fi
    done
    die 69 "no PostgreSQL server in $POSTGRESQL_LIB/<major>/bin: install the Debian package" \
        "postgresql (infra/setup-test-tools.sh does), or set PG_BIN"
}

as_server() { # runs a program as a user PostgreSQL accepts
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u "$SERVER_USER" -- "$@"
    else
        "$@"
    fi
}

# The server's files live in DIR, or, when the postgres user cannot reach DIR (a checkout under a
# private home), in a folder of its own under /tmp whose path DIR/home records.
home_of() { # dir
    if [[ -f $1/home ]]; then cat "$1/home"; else echo "$1"; fi
}

log_tail() { # home
    tail -n 20 "$1/postgres.log" 2>/dev/null || echo "(no log at $1/postgres.log)"
}

start() { # dir port
    local dir=$1 port=$2 bin home
    [[ $port =~ ^[0-9]+$ ]] || die 64 "PORT must be a number, not '$port'"
    [[ ! -e $dir/data && ! -e $dir/home ]] || die 65 "$dir already holds a cluster: stop it first"
    bin=$(server_bin)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    home=$dir
    if [[ $(id -u) -eq 0 ]]; then
        getent passwd "$SERVER_USER" >/dev/null ||
            die 69 "running as root, PostgreSQL needs the system user '$SERVER_USER': install the" \
                "Debian package postgresql"
        chown "$SERVER_USER" "$dir"
        if ! as_server test -w "$dir"; then
            home=$(mktemp -d /tmp/banq-demo-postgres.XXXXXX)
            chown "$SERVER_USER" "$home"
            echo "$home" >"$dir/home"
        fi
    fi
    # the password never reaches a command line: initdb and the daemons read it from this file
    (umask 077 && head -c 18 /dev/urandom | base64 | tr '+/' '-_' | tr -d '\n' >"$dir/password")
    [[ $home == "$dir" ]] || cp "$dir/password" "$home/password"
    [[ $(id -u) -ne 0 ]] || chown "$SERVER_USER" "$home/password"

    as_server "$bin/initdb" --pgdata="$home/data" --username=banq --pwfile="$home/password" \
        --auth=scram-sha-256 --encoding=UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 ||
        die 70 "initdb failed; its output: $(tail -n 20 "$dir/initdb.log")"
    [[ $home == "$dir" ]] || rm -f "$home/password"

    # loopback only; no unix socket (a deep checkout's path would be too long for one); fsync off:
    # the demo's data is thrown away
    as_server "$bin/pg_ctl" start --pgdata="$home/data" --log="$home/postgres.log" --no-wait \
        --options="-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        >/dev/null
    local pass="$dir/.pgpass" i
    (umask 077 && printf '127.0.0.1:%s:*:banq:%s\n' "$port" "$(cat "$dir/password")" >"$pass")
    for ((i = 0; i < START_SECONDS * 10; i++)); do
        if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres; then
            break
        fi
        # a server that could not start (the port taken, a bad setting) says so last in its log
        if grep -q 'database system is shut down' "$home/postgres.log" 2>/dev/null; then
            die 70 "PostgreSQL stopped before it accepted connections on 127.0.0.1:$port; the" \
                "tail of $home/postgres.log:"$'\n'"$(log_tail "$home")"
        fi
        sleep 0.1
    done
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres ||
        die 70 "PostgreSQL did not accept connections on 127.0.0.1:$port within ${START_SECONDS}s;" \
            "the tail of $home/postgres.log:"$'\n'"$(log_tail "$home")"
    PGPASSFILE=$pass "$bin/createdb" -h 127.0.0.1 -p "$port" -U banq "$DATABASE" ||
        die 70 "could not create the database $DATABASE on 127.0.0.1:$port"
    echo "BANQ_DATABASE_URL=jdbc:postgresql://127.0.0.1:$port/$DATABASE"
    echo "BANQ_DATABASE_USER=banq"
    echo "BANQ_DATABASE_PASSWORD_FILE=$dir/password"
}

stop() { # dir
    local dir=$1 home bin pid
    [[ -d $dir ]] || return 0
    home=$(home_of "$dir")
    if [[ -f $home/data/postmaster.pid ]]; then
        bin=$(server_bin)
        as_server "$bin/pg_ctl" stop --pgdata="$home/data" --mode=fast --wait \
            --timeout="$STOP_SECONDS" >/dev/null 2>&1 || {
            pid=$(head -n 1 "$home/data/postmaster.pid" 2>/dev/null || true)
            say "fast shutdown did not end within ${STOP_SECONDS}s: killing the server (pid ${pid:-?})"
            [[ -z $pid ]] || kill -KILL "$pid" 2>/dev/null || true
        }
    fi
    [[ $home == "$dir" ]] || rm -rf "$home"
    rm -rf "$dir"
}

(($# >= 1)) || usage
case $1 in
start)
    (($# == 3)) || usage
    start "$2" "$3"
    ;;
stop)
    (($# == 2)) || usage
    stop "$2"
    ;;
*) usage ;;
esac
