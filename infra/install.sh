#!/usr/bin/env bash
# install.sh: installs banq-srv on a Debian/Ubuntu host as root: the banq user (UID/GID 1001), the
# directories with their owners and modes, the jars, the systemd units, the env files, nginx and
# fail2ban files, and the links that publish existing series databases to the API.
# Idempotent: a second run changes nothing an operator edited (env files keep their content, but
# always get mode 0400 root again).
# With --run, each contract run gets its own state directory (/var/lib/banq/RUN), env file
# (/etc/banq/RUN/banq.env), keeper key (/etc/banq/RUN/keeper.key), units (banq-batch@RUN.service,
# banq-api@RUN.service), API port (/etc/banq/RUN/api.env) and nginx server (RUN.DOMAIN); a
# single-run install found there is moved into its run's directories first (docs/OPERATIONS.md).
#   sudo infra/install.sh [--dry-run] [--network mainnet|testnet|devnet] [--jars DIR]
#                         [--edge cloudflare|direct] [--http redirect|serve]
#                         [--run RUN[,RUN...] [--domain DOMAIN]]
#   DESTDIR=/tmp/stage infra/install.sh      # stage the tree into a directory (no users, owners,
#                                            # systemctl), e.g. for packaging or a review
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
INFRA=$ROOT/infra
BANQ_UID=1001
BANQ_GID=1001

usage() {
    cat <<'USAGE'
usage: install.sh [--dry-run] [--network mainnet|testnet|devnet] [--jars DIR]
                  [--edge cloudflare|direct] [--http redirect|serve]
                  [--run RUN[,RUN...] [--domain DOMAIN]]
  --dry-run   print the planned actions, change nothing
  --network   the env file the units read (default mainnet: /etc/banq/banq.env.mainnet); with
              --run, the network of the runs' env files /etc/banq/RUN/banq.env
  --run       contract runs side by side (v10a,v10b,...): per run a state directory
              /var/lib/banq/RUN, units banq-batch@RUN and banq-api@RUN, an API port and an nginx
              server; runs installed earlier stay. A single-run install is migrated into its run
              (CONTRACT_RUN of its env file), which must be listed
  --domain    with --run: each run's nginx server answers RUN.DOMAIN (default RUN.*, any domain)
  --jars DIR  take banq-batch.jar, banq-api.jar and banq-miner.jar from DIR (default: the
              modules' target/ folders; build them with ./banq build)
  --edge      how clients reach nginx (default cloudflare): through Cloudflare, the client is
              CF-Connecting-IP from Cloudflare's ranges; direct, the peer's address
  --http      what plain HTTP gets (default redirect): a 301 to HTTPS, or served (Cloudflare's
              "flexible" mode, where a redirect would loop)
environment: DESTDIR=DIR installs into DIR instead of /, without users, owners or systemctl;
  BANQ_EDGE and BANQ_HTTP set the defaults of --edge and --http
USAGE
}

DRY=false
NETWORK=mainnet
RUNS=()
DOMAIN=""
JARS=""
EDGE=${BANQ_EDGE:-cloudflare}
HTTP=${BANQ_HTTP:-redirect}
DEST=${DESTDIR:-}
DEST=${DEST%/}

say() { printf 'install: %s\n' "$*"; }
die() { # status message
    local status=$1
    shift
    printf 'install: %s\n' "$*" >&2
    exit "$status"
}

# Runs a command, or with --dry-run prints it as a planned action.
run() {
    if $DRY; then
        printf 'would:'
        printf ' %q' "$@"
        printf '\n'
    else
        "$@"
    fi
}

owning() { # owners only for a real install into /
    [[ -z $DEST ]]
}

dir() { # mode owner:group path
    run install -d -m "$1" "$DEST$3"
    if owning; then run chown "$2" "$DEST$3"; fi
}

file() { # mode source target
    run install -m "$1" "$2" "$DEST$3"
    if owning; then run chown root:root "$DEST$3"; fi
}

ensure_user() {
    if ! owning; then
        say "staging into $DEST: the banq user (UID/GID $BANQ_UID) is not created"
        return 0
    fi
    if getent group banq >/dev/null; then
        [[ $(getent group banq | cut -d: -f3) == "$BANQ_GID" ]] ||
            say "warning: group banq exists with a GID other than $BANQ_GID (containers use $BANQ_GID)"
    else
        run groupadd --system --gid "$BANQ_GID" banq
    fi
    if getent passwd banq >/dev/null; then
        [[ $(id -u banq) == "$BANQ_UID" ]] ||
            say "warning: user banq exists with a UID other than $BANQ_UID (containers use $BANQ_UID)"
    else
        run useradd --system --uid "$BANQ_UID" --gid banq --no-create-home \
            --home-dir /var/lib/banq --shell /usr/sbin/nologin banq
    fi
}

jar_source() { # jar name -> path of the built jar
    local name=$1
    if [[ -n $JARS ]]; then
        echo "$JARS/$name"
        return
    fi
    case $name in
    banq-batch.jar) echo "$ROOT/batch-jobs/target/$name" ;;
    banq-api.jar) echo "$ROOT/api/target/$name" ;;
    banq-miner.jar) echo "$ROOT/miner/target/$name" ;;
    esac
}

check_jars() {
    local name missing=()
    for name in banq-batch.jar banq-api.jar banq-miner.jar; do
        [[ -f $(jar_source "$name") ]] || missing+=("$(jar_source "$name")")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    if $DRY; then
        say "missing jars (build them with ./banq build): ${missing[*]}"
    else
        die 66 "missing jars: ${missing[*]}; build them with ./banq build or pass --jars DIR"
    fi
}

check_java() { # the units run /usr/bin/java; the jars need 21 or newer
    owning || return 0
    local major
    major=$(/usr/bin/java -XshowSettings:properties -version 2>&1 |
        sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1) || true
    if [[ -z $major || $major -lt 21 ]]; then
        say "warning: /usr/bin/java is ${major:-missing}; the units need Java 21 or newer there" \
            "(e.g. apt-get install openjdk-21-jre-headless, or Temurin 21/25 via update-alternatives)"
    fi
}

install_dirs() {
    dir 0755 root:root /etc/banq
    dir 0755 banq:banq /var/lib/banq
    dir 0755 root:root /srv/db
    dir 0755 root:root /opt/banq
    dir 0755 root:root /usr/local/bin
    dir 0755 root:root /etc/systemd/system
    dir 0755 root:root /etc/profile.d
}

install_jars() {
    local name
    for name in banq-batch.jar banq-api.jar banq-miner.jar; do
        file 0644 "$(jar_source "$name")" "/opt/banq/$name"
    done
    file 0644 "$ROOT/docs/OPERATIONS.md" /opt/banq/OPERATIONS.md
    file 0755 "$INFRA/bin/banq-link.sh" /usr/local/bin/banq-link
}

install_env() {
    local net target
    for net in mainnet testnet devnet; do
        target=/etc/banq/banq.env.$net
        if [[ -e $DEST$target ]]; then
            say "keep $target (exists; compare with $INFRA/env/banq.env.$net after upgrades)"
            # an edited file keeps its content, never a looser mode: it may hold endpoints' keys
            run chmod 0400 "$DEST$target"
        else
            run install -m 0400 "$INFRA/env/banq.env.$net" "$DEST$target"
        fi
        if owning; then run chown root:root "$DEST$target"; fi
    done
    file 0644 "$INFRA/profile.d/banq.sh" /etc/profile.d/banq.sh
}

dropin() { # unit name contents
    local dir=/etc/systemd/system/$1.d
    dir 0755 root:root "$dir"
    if $DRY; then
        say "would write $DEST$dir/$2"
    else
        printf '%s\n' "$3" >"$DEST$dir/$2"
        chmod 0644 "$DEST$dir/$2"
    fi
}

install_units() {
    local unit
    for unit in banq-batch.service banq-batch@.service banq-api.service; do
        file 0644 "$INFRA/systemd/$unit" "/etc/systemd/system/$unit"
    done
    for unit in banq-batch.service banq-batch@.service; do
        if [[ -e $DEST/etc/banq/keeper.key ]]; then
            dir 0755 root:root "/etc/systemd/system/$unit.d"
            file 0644 "$INFRA/systemd/banq-batch.service.d/keeper-key.conf" \
                "/etc/systemd/system/$unit.d/keeper-key.conf"
        else
            say "no /etc/banq/keeper.key: $unit runs without a signing key (keeper jobs dry-run)"
        fi
        if [[ $NETWORK != mainnet ]]; then
            dropin "$unit" network.conf "$(printf '[Service]\nEnvironmentFile=\nEnvironmentFile=/etc/banq/banq.env.%s' "$NETWORK")"
        elif [[ -e $DEST/etc/systemd/system/$unit.d/network.conf ]]; then
            run rm -f "$DEST/etc/systemd/system/$unit.d/network.conf"
        fi
    done
}

install_proxy() { # nginx site and fail2ban files, where those packages are (always when staging)
    if owning && [[ ! -d /etc/nginx ]]; then
        say "skip nginx site: nginx is not installed (apt-get install nginx, then run again)"
    else
        if [[ ${#RUNS[@]} -eq 0 ]]; then
            dir 0755 root:root /etc/nginx/sites-available
            file 0644 "$INFRA/nginx/banq-api.conf" /etc/nginx/sites-available/banq-api
        fi
        install_site_switches
    fi
    if owning && [[ ! -d /etc/fail2ban ]]; then
        say "skip fail2ban: it is not installed (apt-get install fail2ban python3-systemd, then run again)"
    else
        dir 0755 root:root /etc/fail2ban/filter.d
        dir 0755 root:root /etc/fail2ban/jail.d
        file 0644 "$INFRA/fail2ban/filter.d/nginx-banq.conf" /etc/fail2ban/filter.d/nginx-banq.conf
        file 0644 "$INFRA/fail2ban/jail.d/nginx-banq.conf" /etc/fail2ban/jail.d/nginx-banq.conf
        file 0644 "$INFRA/fail2ban/jail.d/sshd.conf" /etc/fail2ban/jail.d/sshd.conf
    fi
}

install_site_switches() { # the site's two includes, as --edge and --http chose
    dir 0755 root:root /etc/nginx/banq-api
    file 0644 "$INFRA/nginx/edge-$EDGE.conf" /etc/nginx/banq-api/edge.conf
    file 0644 "$INFRA/nginx/http-$HTTP.conf" /etc/nginx/banq-api/http.conf
    say "nginx site: edge $EDGE, plain HTTP $HTTP"
    if [[ -e $DEST/etc/nginx/banq-api/cloudflare-ips.conf ]]; then
        # banq-cloudflare-ips refreshed it: newer than the list shipped here
        say "keep /etc/nginx/banq-api/cloudflare-ips.conf (exists; refresh: banq-cloudflare-ips)"
    else
        file 0644 "$INFRA/nginx/cloudflare-ips.conf" /etc/nginx/banq-api/cloudflare-ips.conf
    fi
    file 0755 "$INFRA/bin/banq-cloudflare-ips.sh" /usr/local/bin/banq-cloudflare-ips
}

fix_databases() { # the seed's modes: databases r/w by banq, readable by the API
    owning || return 0
    local db
    shopt -s nullglob
    for db in /var/lib/banq/*.db /var/lib/banq/*.db-wal /var/lib/banq/*.db-shm; do
        run chown banq:banq "$db"
        run chmod 0644 "$db"
    done
    shopt -u nullglob
}

link_databases() {
    local -a args=(--state-dir "$DEST/var/lib/banq" --db-path "$DEST/srv/db" --link-to /var/lib/banq)
    if $DRY; then
        if [[ -d $DEST/var/lib/banq ]]; then
            "$INFRA/bin/banq-link.sh" --dry-run "${args[@]}"
        else
            say "would link the series databases of /var/lib/banq into /srv/db (none yet)"
        fi
    else
        "$INFRA/bin/banq-link.sh" "${args[@]}"
    fi
}

reload_systemd() {
    local units="banq-api.service banq-batch.service" run
    if [[ ${#RUNS[@]} -gt 0 ]]; then
        units=""
        for run in "${RUNS[@]}"; do units+="banq-batch@$run.service banq-api@$run.service "; done
        units=${units% }
    fi
    if owning && [[ -d /run/systemd/system ]]; then
        run systemctl daemon-reload
        say "next: systemctl enable --now $units"
    else
        say "next: systemctl daemon-reload && systemctl enable --now $units"
    fi
}

# ---- contract runs side by side (--run) ----

run_network_env() { # the installed env file of --network (the shipped one when not there yet)
    local installed=/etc/banq/banq.env.$NETWORK
    if [[ -r $DEST$installed ]]; then
        echo "$DEST$installed"
    else
        echo "$INFRA/env/banq.env.$NETWORK"
    fi
}

write_file() { # mode path contents: a generated file
    if $DRY; then
        say "would write $DEST$2"
    else
        printf '%s\n' "$3" >"$DEST$2"
        chmod "$1" "$DEST$2"
        if owning; then chown root:root "$DEST$2"; fi
    fi
}

# /etc/banq/RUN/banq.env: the network's env file (with the operator's edits) for one run. Kept
# when present: it is the run's own from then on.
install_run_env() { # run
    local run=$1 target=/etc/banq/$1/banq.env source recorded
    if [[ -e $DEST$target ]]; then
        recorded=$(sed -n 's/^# network: //p' "$DEST$target" | head -n 1)
        if [[ -n $recorded && $recorded != "$NETWORK" ]]; then
            say "warning: keep $target: it is for $recorded, not $NETWORK (remove it to move run $run)"
        else
            say "keep $target (exists)"
        fi
        run chmod 0400 "$DEST$target"
        return 0
    fi
    source=$(run_network_env)
    write_file 0400 "$target" "$(
        printf '# %s: environment of banq-batch@%s.service, contract run %s.\n' "$target" "$run" "$run"
        printf '# Written by install.sh --run %s from banq.env.%s; edits are kept. The chain its\n' "$run" "$NETWORK"
        printf '# endpoints answer decides the registry; the unit sets the run and the state dir.\n'
        printf '# network: %s\n' "$NETWORK"
        sed -e '/^# network: /d' -e "s/^CONTRACT_RUN=.*/CONTRACT_RUN=$run/" \
            -e "s|^BANQ_STATE_DIR=.*|BANQ_STATE_DIR=/var/lib/banq/$run|" "$source"
    )"
}

declare -A PORTS=() # run -> API port, of the runs installed and those this call installs

known_ports() {
    local file run port
    shopt -s nullglob
    for file in "$DEST"/etc/banq/*/api.env; do
        run=$(basename "$(dirname "$file")")
        port=$(sed -n 's/^BANQ_API_PORT=\([0-9]*\)$/\1/p' "$file" | head -n 1)
        [[ -n $port ]] && PORTS[$run]=$port
    done
    shopt -u nullglob
}

install_run_api_env() { # run: /etc/banq/RUN/api.env with the API's port, the first free from 8001
    local run=$1 target=/etc/banq/$1/api.env port=8001 taken
    if [[ -n ${PORTS[$run]:-} ]]; then
        say "keep $target (port ${PORTS[$run]})"
        return 0
    fi
    while true; do
        taken=false
        for used in "${PORTS[@]}"; do [[ $used == "$port" ]] && taken=true; done
        $taken || break
        port=$((port + 1))
    done
    PORTS[$run]=$port
    write_file 0644 "$target" "$(
        printf '# %s: the port of banq-api@%s.service on 127.0.0.1 (nginx site banq-api-%s).\n' "$target" "$run" "$run"
        printf 'BANQ_API_PORT=%s\n' "$port"
    )"
}

# The nginx server of one run: banq-api.conf with the run's zone, upstream port and host name.
render_run_site() { # run port host
    local run=$1 port=$2 host=$3 site expect
    site=$(sed -e "s/zone=banq_api\([: ]\)/zone=banq_api_$run\1/" \
        -e "s/upstream banq_api {/upstream banq_api_$run {/" \
        -e "s|proxy_pass http://banq_api;|proxy_pass http://banq_api_$run;|" \
        -e "s/127\.0\.0\.1:8001/127.0.0.1:$port/g" \
        -e "s/server_name _;/server_name $host;/" "$INFRA/nginx/banq-api.conf")
    for expect in "zone=banq_api_$run:10m" "zone=banq_api_$run burst" "upstream banq_api_$run {" \
        "proxy_pass http://banq_api_$run;" "server 127.0.0.1:$port;" "server_name $host;"; do
        [[ $site == *"$expect"* ]] || die 70 "infra/nginx/banq-api.conf changed: no '$expect' for run $run"
    done
    printf '# banq-api-%s: the server of contract run %s (host %s, banq-api@%s on port %s),\n' \
        "$run" "$run" "$host" "$run" "$port"
    printf '# written by install.sh from banq-api.conf.\n'
    printf '%s\n' "$site"
}

install_run_site() { # run
    local run=$1 host
    host=$run.${DOMAIN:-*}
    write_file 0644 "/etc/nginx/sites-available/banq-api-$run" "$(render_run_site "$run" "${PORTS[$run]}" "$host")"
    say "nginx server of $run: $host -> 127.0.0.1:${PORTS[$run]}"
}

install_run_units() {
    file 0644 "$INFRA/systemd/runs/banq-batch@.service" /etc/systemd/system/banq-batch@.service
    file 0644 "$INFRA/systemd/runs/banq-api@.service" /etc/systemd/system/banq-api@.service
    local legacy
    # the single-run units and their drop-ins (a drop-in of banq-batch@.service would reach
    # every run's daemon)
    for legacy in banq-batch.service banq-api.service banq-batch.service.d banq-batch@.service.d; do
        if [[ -e $DEST/etc/systemd/system/$legacy ]]; then
            run rm -rf "$DEST/etc/systemd/system/$legacy"
        fi
    done
}

install_run_key() { # run: the keeper-key drop-in when the run has a key
    local run=$1 unit=banq-batch@$1.service
    if [[ -e $DEST/etc/banq/$run/keeper.key ]]; then
        dir 0755 root:root "/etc/systemd/system/$unit.d"
        file 0644 "$INFRA/systemd/runs/keeper-key.conf" "/etc/systemd/system/$unit.d/keeper-key.conf"
    else
        say "no /etc/banq/$run/keeper.key: $unit runs without a signing key (keeper jobs dry-run)"
    fi
}

link_run_databases() { # run
    local run=$1
    local -a args=(--state-dir "$DEST/var/lib/banq/$run" --db-path "$DEST/srv/db/$run"
        --link-to "/var/lib/banq/$run")
    if $DRY; then
        say "would link the series databases of /var/lib/banq/$run into /srv/db/$run"
    else
        "$INFRA/bin/banq-link.sh" "${args[@]}"
    fi
}

fix_run_databases() { # run
    owning || return 0
    local db
    shopt -s nullglob
    for db in /var/lib/banq/"$1"/*.db /var/lib/banq/"$1"/*.db-wal /var/lib/banq/"$1"/*.db-shm; do
        run chown banq:banq "$db"
        run chmod 0644 "$db"
    done
    shopt -u nullglob
}

# ---- migration of a single-run install ----

legacy_run() { # the contract run of the single-run install here, or nothing
    local unit=$DEST/etc/systemd/system/banq-batch.service env=/etc/banq/banq.env.mainnet conf
    local state_files
    state_files=$(find "$DEST/var/lib/banq" -maxdepth 1 -type f 2>/dev/null | head -n 1)
    [[ -e $unit || -n $state_files ]] || return 0
    conf=$DEST/etc/systemd/system/banq-batch.service.d/network.conf
    if [[ -e $conf ]]; then
        env=$(sed -n 's/^EnvironmentFile=\(.\+\)$/\1/p' "$conf" | tail -n 1)
    fi
    local found=""
    [[ -r $DEST$env ]] && found=$(sed -n 's/^CONTRACT_RUN=\(.*\)$/\1/p' "$DEST$env" | tail -n 1)
    echo "${found:-v10a}"
}

migrate_single_run() { # run: moves the single-run state, links, key and site into the run's
    local run=$1 f link target
    say "migrating the single-run install into contract run $run (names and data kept)"
    if owning && [[ -d /run/systemd/system ]] &&
        systemctl is-active --quiet banq-batch.service banq-api.service 2>/dev/null; then
        die 75 "banq-batch.service or banq-api.service is running: stop them first" \
            "(systemctl disable --now banq-batch.service banq-api.service), then run install.sh again"
    fi
    dir 0755 banq:banq "/var/lib/banq/$run"
    dir 0755 root:root "/srv/db/$run"
    dir 0755 root:root "/etc/banq/$run"
    shopt -s nullglob
    for f in "$DEST"/var/lib/banq/*; do
        [[ -f $f && ! -L $f ]] || continue
        run mv -n "$f" "$DEST/var/lib/banq/$run/"
    done
    for link in "$DEST"/srv/db/*.db; do
        [[ -L $link ]] || continue
        target=$(readlink "$link")
        [[ $target == /var/lib/banq/* ]] && run rm -f "$link"
    done
    shopt -u nullglob
    if [[ -e $DEST/etc/banq/keeper.key && ! -e $DEST/etc/banq/$run/keeper.key ]]; then
        run mv "$DEST/etc/banq/keeper.key" "$DEST/etc/banq/$run/keeper.key"
    fi
    if [[ -e $DEST/etc/nginx/sites-available/banq-api ]]; then
        run rm -f "$DEST/etc/nginx/sites-available/banq-api"
    fi
    if [[ -L $DEST/etc/nginx/sites-enabled/banq-api ]]; then
        # the host served the single site: it serves the runs' servers instead
        run rm -f "$DEST/etc/nginx/sites-enabled/banq-api"
        ENABLE_SITES=true
    fi
}

ENABLE_SITES=false

install_runs() {
    local run legacy
    legacy=$(legacy_run)
    if [[ -n $legacy ]]; then
        local listed=false
        for run in "${RUNS[@]}"; do [[ $run == "$legacy" ]] && listed=true; done
        $listed || die 64 "this host has a single-run install of contract run $legacy" \
            "(CONTRACT_RUN of its env file): list it in --run to migrate it (--run $legacy,...)"
        migrate_single_run "$legacy"
        # the migrated run comes first, so it keeps the API's port 8001
        local -a ordered=("$legacy")
        for run in "${RUNS[@]}"; do [[ $run == "$legacy" ]] || ordered+=("$run"); done
        RUNS=("${ordered[@]}")
    fi
    known_ports
    install_run_units
    for run in "${RUNS[@]}"; do
        dir 0755 root:root "/etc/banq/$run"
        dir 0755 banq:banq "/var/lib/banq/$run"
        dir 0755 root:root "/srv/db/$run"
        install_run_env "$run"
        install_run_api_env "$run"
        install_run_key "$run"
        if owning && [[ ! -d /etc/nginx ]]; then
            say "skip the nginx server of $run: nginx is not installed"
        else
            dir 0755 root:root /etc/nginx/sites-available
            install_run_site "$run"
            if $ENABLE_SITES; then
                dir 0755 root:root /etc/nginx/sites-enabled
                run ln -sfn "../sites-available/banq-api-$run" "$DEST/etc/nginx/sites-enabled/banq-api-$run"
            fi
        fi
        fix_run_databases "$run"
        link_run_databases "$run"
    done
}

installed_runs() { # the runs an earlier --run installed, comma-separated
    local f names=()
    shopt -s nullglob
    for f in "$DEST"/etc/banq/*/banq.env; do names+=("$(basename "$(dirname "$f")")"); done
    shopt -u nullglob
    (
        IFS=,
        echo "${names[*]}"
    )
}

usage_error() { # message
    usage >&2
    die 64 "$1"
}

value_of() { # flag what remaining-args... -> the flag's value, or a usage error when it has none
    local flag=$1 what=$2
    shift 2
    if [[ $# -lt 2 || -z $2 || $2 == -* ]]; then
        usage_error "$flag needs a value: $flag $what"
    fi
    printf '%s' "$2"
}

main() {
    while [[ $# -gt 0 ]]; do
        case $1 in
        --dry-run) DRY=true ;;
        --network)
            NETWORK=$(value_of --network "mainnet|testnet|devnet" "$@")
            shift
            ;;
        --jars)
            JARS=$(value_of --jars DIR "$@")
            shift
            ;;
        --edge)
            EDGE=$(value_of --edge "cloudflare|direct" "$@")
            shift
            ;;
        --http)
            HTTP=$(value_of --http "redirect|serve" "$@")
            shift
            ;;
        --run)
            IFS=, read -r -a RUNS <<<"$(value_of --run "RUN[,RUN...]" "$@")"
            shift
            ;;
        --domain)
            DOMAIN=$(value_of --domain DOMAIN "$@")
            shift
            ;;
        -h | --help)
            usage
            return 0
            ;;
        *) usage_error "unknown argument '$1'" ;;
        esac
        shift
    done
    case $NETWORK in
    mainnet | testnet | devnet) ;;
    *) usage_error "--network must be mainnet, testnet or devnet, not '$NETWORK'" ;;
    esac
    case $EDGE in
    cloudflare | direct) ;;
    *) usage_error "--edge must be cloudflare or direct, not '$EDGE'" ;;
    esac
    case $HTTP in
    redirect | serve) ;;
    *) usage_error "--http must be redirect or serve, not '$HTTP'" ;;
    esac
    local r
    for r in "${RUNS[@]}"; do
        [[ $r =~ ^v[0-9]+[a-z]$ ]] || usage_error "--run takes contract runs like v10a,v10b, not '$r'"
    done
    [[ -z $DOMAIN || $DOMAIN =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]] ||
        usage_error "--domain must be a host name like example.org, not '$DOMAIN'"
    if [[ ${#RUNS[@]} -eq 0 && -n $(installed_runs) ]]; then
        IFS=, read -r -a RUNS <<<"$(installed_runs)"
        say "contract runs installed here: ${RUNS[*]} (each in its own directories)"
    fi
    if owning && ! $DRY && [[ $(id -u) -ne 0 ]]; then
        die 77 "run as root (sudo), or set DESTDIR to stage into a directory"
    fi
    $DRY && say "dry run: nothing changes${DEST:+ (target root $DEST)}"

    check_jars
    check_java
    ensure_user
    install_dirs
    install_jars
    install_env
    if [[ ${#RUNS[@]} -gt 0 ]]; then
        install_runs
        install_proxy
    else
        install_units
        install_proxy
        fix_databases
        link_databases
    fi
    reload_systemd
    say "done${DEST:+ (staged in $DEST)}"
}

main "$@"
