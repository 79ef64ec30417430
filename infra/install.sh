#!/usr/bin/env bash
# install.sh: installs banq-srv on a Debian/Ubuntu host as root: the banq user (UID/GID 1001), the
# directories with their owners and modes, the jars, the systemd units, the env files, nginx and
# fail2ban files, and the links that publish existing series databases to the API.
# Idempotent: a second run changes nothing an operator edited (env files keep their content, but
# always get mode 0400 root again).
#   sudo infra/install.sh [--dry-run] [--network mainnet|testnet|devnet] [--jars DIR]
#                         [--edge cloudflare|direct] [--http redirect|serve]
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
  --dry-run   print the planned actions, change nothing
  --network   the env file the units read (default mainnet: /etc/banq/banq.env.mainnet)
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
        dir 0755 root:root /etc/nginx/sites-available
        file 0644 "$INFRA/nginx/banq-api.conf" /etc/nginx/sites-available/banq-api
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
    if owning && [[ -d /run/systemd/system ]]; then
        run systemctl daemon-reload
        say "next: systemctl enable --now banq-api.service banq-batch.service"
    else
        say "next: systemctl daemon-reload && systemctl enable --now banq-api.service banq-batch.service"
    fi
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
    install_units
    install_proxy
    fix_databases
    link_databases
    reload_systemd
    say "done${DEST:+ (staged in $DEST)}"
}

main "$@"
