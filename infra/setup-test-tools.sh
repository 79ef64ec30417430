#!/usr/bin/env bash
# setup-test-tools.sh: installs the Debian packages the infrastructure checks (infra/checks) run:
# nginx, fail2ban, shellcheck, openssl, prometheus (promtool and the server), chromium (the
# headless browser of the status page checks), postgresql (the server the cluster tests start on
# loopback) and, where the package exists, systemd (systemd-analyze). Runs from `./banq test`. Does nothing when every tool is present and never starts the services
# it installs. As root it runs apt-get; otherwise through `sudo -n` where that works without a
# password. Exits non-zero, saying what to install, when a needed tool is missing and cannot be
# installed: the checks fail without them (only the systemd checks skip where systemd is absent).
set -euo pipefail

# command -> Debian package
declare -A PACKAGE_OF=(
    [nginx]=nginx
    [fail2ban-regex]=fail2ban
    [shellcheck]=shellcheck
    [openssl]=openssl
    [systemd-analyze]=systemd
    [promtool]=prometheus
    [prometheus]=prometheus
    [chromium]=chromium
)
# packages some Debian-like images do not offer; their checks skip with a message
OPTIONAL=" systemd "
# Debian keeps the PostgreSQL server's programs off PATH, one folder per major version
POSTGRESQL_LIB=${BANQ_POSTGRESQL_LIB:-/usr/lib/postgresql}
POSTGRESQL_PROGRAMS="initdb pg_ctl postgres"
# a policy-rc.d that says 101 keeps the packages' services from starting on a build machine (the
# postgresql package's cluster included: the tests start their own)
POLICY=${BANQ_POLICY_RC_D:-/usr/sbin/policy-rc.d}
CREATED_POLICY=false

say() { printf 'setup-test-tools: %s\n' "$*" >&2; }

has_cmd() { # nginx lives in /usr/sbin, which a non-root PATH may lack
    command -v "$1" >/dev/null 2>&1 || [[ -x "/usr/sbin/$1" ]]
}

has_postgresql_server() { # some POSTGRESQL_LIB/<major>/bin holds every server program
    local bin program
    for bin in "$POSTGRESQL_LIB"/*/bin; do
        for program in $POSTGRESQL_PROGRAMS; do
            [[ -x "$bin/$program" ]] || continue 2
        done
        return 0
    done
    return 1
}

missing_packages() {
    local cmd
    {
        for cmd in "${!PACKAGE_OF[@]}"; do
            has_cmd "$cmd" || printf '%s\n' "${PACKAGE_OF[$cmd]}"
        done
        has_postgresql_server || printf 'postgresql\n'
    } | sort -u
}

required() { # package -> whether the checks fail without it
    [[ $OPTIONAL != *" $1 "* ]]
}

as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    else
        sudo -n "$@"
    fi
}

can_be_root() {
    [[ $(id -u) -eq 0 ]] || { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }
}

remove_policy() { # the policy-rc.d this script wrote, also when it is interrupted
    if $CREATED_POLICY; then
        as_root rm -f "$POLICY" || say "could not remove $POLICY: remove it by hand"
        CREATED_POLICY=false
    fi
}

install_packages() { # packages...
    trap remove_policy EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    trap 'exit 129' HUP
    if [[ ! -e $POLICY ]]; then
        CREATED_POLICY=true
        as_root sh -c "printf '#!/bin/sh\nexit 101\n' >'$POLICY' && chmod 755 '$POLICY'"
    fi
    say "installing $*"
    local status=0
    as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "$@" >/dev/null || status=$?
    remove_policy
    [[ $status -eq 0 ]] || {
        say "apt-get install $* failed with status $status (its messages are above)"
        return 70
    }
}

main() {
    local missing
    missing=$(missing_packages)
    [[ -z "$missing" ]] && return 0
    local -a packages
    mapfile -t packages <<<"$missing"
    local hint="apt-get update && apt-get install --no-install-recommends ${packages[*]}"

    if ! has_cmd apt-get; then
        say "missing ${packages[*]}, and this is no Debian-like system (no apt-get): install" \
            "them by hand (the commands ${!PACKAGE_OF[*]}, and a PostgreSQL server whose" \
            "$POSTGRESQL_PROGRAMS are in $POSTGRESQL_LIB/<major>/bin), then run ./banq test again"
        return 69
    fi
    if ! can_be_root; then
        say "missing ${packages[*]}; installing them needs root, and there is no password-less" \
            "sudo here: run '$hint' as root (or sudo infra/setup-test-tools.sh), then ./banq test again"
        return 77
    fi

    as_root apt-get update -qq || {
        say "apt-get update failed (status $?): the package lists could not be read. Check the" \
            "sources in /etc/apt/sources.list and /etc/apt/sources.list.d/ and that this machine" \
            "reaches their mirror, then run infra/setup-test-tools.sh again"
        return 69
    }
    local -a wanted=() unavailable=()
    local pkg
    for pkg in "${packages[@]}"; do
        if apt-cache show "$pkg" >/dev/null 2>&1; then
            wanted+=("$pkg")
        elif required "$pkg"; then
            unavailable+=("$pkg")
        else
            say "no package '$pkg' in these sources: the checks that need it skip"
        fi
    done
    if [[ ${#unavailable[@]} -gt 0 ]]; then
        say "no package ${unavailable[*]} in these sources (add Debian's main archive to" \
            "/etc/apt/sources.list, or install them by hand): the infra checks need them"
        return 69
    fi
    [[ ${#wanted[@]} -eq 0 ]] || install_packages "${wanted[@]}"

    for pkg in $(missing_packages); do
        if required "$pkg"; then
            say "package $pkg is installed but its command is still missing: check the installation"
            return 70
        fi
    done
}

main "$@"
