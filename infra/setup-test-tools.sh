#!/usr/bin/env bash
# setup-test-tools.sh: installs the Debian packages the infrastructure checks (infra/checks) run:
# nginx, fail2ban, shellcheck, openssl and, where the package exists, systemd (systemd-analyze).
# Runs from `./banq test`. Does nothing when every tool is present, never starts the services it
# installs, and when not root only prints what to install (the checks that need a tool then skip).
set -euo pipefail

# command -> Debian package
declare -A PACKAGE_OF=(
    [nginx]=nginx
    [fail2ban-regex]=fail2ban
    [shellcheck]=shellcheck
    [openssl]=openssl
    [systemd-analyze]=systemd
)

has_cmd() { # nginx lives in /usr/sbin, which a non-root PATH may lack
    command -v "$1" >/dev/null 2>&1 || [[ -x "/usr/sbin/$1" ]]
}

missing_packages() {
    local cmd
    for cmd in "${!PACKAGE_OF[@]}"; do
        has_cmd "$cmd" || printf '%s\n' "${PACKAGE_OF[$cmd]}"
    done | sort -u
}

main() {
    local missing
    missing=$(missing_packages)
    [[ -z "$missing" ]] && return 0
    local -a packages
    mapfile -t packages <<<"$missing"

    if [[ $(id -u) -ne 0 ]] || ! has_cmd apt-get; then
        echo "setup-test-tools: missing ${packages[*]}: install them as root with" \
            "'apt-get install --no-install-recommends ${packages[*]}'; until then the checks" \
            "that need them skip" >&2
        return 0
    fi

    apt-get update -qq
    local -a wanted=()
    local pkg
    for pkg in "${packages[@]}"; do
        if apt-cache show "$pkg" >/dev/null 2>&1; then
            wanted+=("$pkg")
        else
            echo "setup-test-tools: no package '$pkg' here; the checks that need it skip" >&2
        fi
    done
    [[ ${#wanted[@]} -eq 0 ]] && return 0

    echo "setup-test-tools: installing ${wanted[*]}" >&2
    # a policy-rc.d that says 101 keeps the packages' services from starting on a build machine
    local policy=/usr/sbin/policy-rc.d created_policy=false status=0
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy"
        chmod 755 "$policy"
        created_policy=true
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${wanted[@]}" \
        >/dev/null || status=$?
    if $created_policy; then
        rm -f "$policy"
    fi
    return "$status"
}

main "$@"
