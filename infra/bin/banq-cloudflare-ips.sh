#!/usr/bin/env bash
# banq-cloudflare-ips.sh: refreshes the Cloudflare ranges whose CF-Connecting-IP nginx believes.
# Fetches Cloudflare's published IPv4 and IPv6 lists, checks every line is a CIDR range, replaces
# the include atomically, then nginx -t (the old file comes back when nginx rejects the new one)
# and a reload.
# Install path: /usr/local/bin/banq-cloudflare-ips (install.sh); run as root, e.g. monthly.
#   sudo banq-cloudflare-ips [--output FILE] [--nginx-conf FILE] [--no-reload]
set -euo pipefail

usage() {
    cat <<'USAGE'
usage: banq-cloudflare-ips [--output FILE] [--nginx-conf FILE] [--no-reload]
  --output FILE      the include to rewrite (default /etc/nginx/banq-api/cloudflare-ips.conf)
  --nginx-conf FILE  the nginx configuration to test and reload (default: nginx's own)
  --no-reload        test the configuration, do not reload nginx
environment: BANQ_CLOUDFLARE_IPS_V4_URL, BANQ_CLOUDFLARE_IPS_V6_URL (the lists' addresses,
  default https://www.cloudflare.com/ips-v4 and ips-v6), BANQ_NGINX (default nginx)
USAGE
}

V4_URL=${BANQ_CLOUDFLARE_IPS_V4_URL:-https://www.cloudflare.com/ips-v4}
V6_URL=${BANQ_CLOUDFLARE_IPS_V6_URL:-https://www.cloudflare.com/ips-v6}
NGINX=${BANQ_NGINX:-nginx}
OUTPUT=/etc/nginx/banq-api/cloudflare-ips.conf
NGINX_CONF=""
RELOAD=true
NEXT=""
BACKUP=""

die() { # status message
    local status=$1
    shift
    printf 'banq-cloudflare-ips: %s\n' "$*" >&2
    exit "$status"
}

usage_error() { # message
    usage >&2
    die 64 "$1"
}

octets_ok() { # a.b.c.d -> whether each part is 0..255
    local part
    local -a parts
    IFS=. read -r -a parts <<<"$1"
    for part in "${parts[@]}"; do
        ((10#$part <= 255)) || return 1
    done
}

valid_v4() { # range
    [[ $1 =~ ^([0-9]{1,3}(\.[0-9]{1,3}){3})/([0-9]{1,2})$ ]] &&
        ((BASH_REMATCH[3] <= 32)) && octets_ok "${BASH_REMATCH[1]}"
}

valid_v6() { # range
    [[ $1 =~ ^[0-9a-fA-F:]*:[0-9a-fA-F:]*/([0-9]{1,3})$ ]] && ((BASH_REMATCH[1] <= 128))
}

fetch() { # family (v4|v6) url -> one set_real_ip_from line per range
    local family=$1 url=$2 body line count=0
    # every wait has a deadline: 10 s to connect, 30 s in all
    body=$(curl --fail --silent --show-error --connect-timeout 10 --max-time 30 "$url") ||
        die 69 "cannot fetch the IP$family list from $url"
    while IFS= read -r line; do
        line=${line%$'\r'}
        [[ -z $line ]] && continue
        "valid_$family" "$line" || die 65 "not an IP$family range (CIDR) in $url: '$line'"
        printf 'set_real_ip_from %s;\n' "$line"
        count=$((count + 1))
    done <<<"$body"
    ((count > 0)) || die 65 "the IP$family list at $url is empty"
}

nginx_cmd() { # args... -> nginx with the configuration chosen
    if [[ -n $NGINX_CONF ]]; then
        "$NGINX" -c "$NGINX_CONF" "$@"
    else
        "$NGINX" "$@"
    fi
}

render() { # -> the include's text
    printf '# cloudflare-ips.conf: Cloudflare'\''s edge ranges, written by banq-cloudflare-ips on %s\n' \
        "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    printf '# from %s and %s. Install path: %s\n' "$V4_URL" "$V6_URL" "$OUTPUT"
    printf '# IPv4\n'
    fetch v4 "$V4_URL"
    printf '# IPv6\n'
    fetch v6 "$V6_URL"
}

value_of() { # flag remaining-args... -> the flag's value, or a usage error when it has none
    local flag=$1
    shift
    if [[ $# -lt 2 || -z $2 || $2 == -* ]]; then
        usage_error "$flag needs a value: $flag FILE"
    fi
    printf '%s' "$2"
}

main() {
    while [[ $# -gt 0 ]]; do
        case $1 in
        --output)
            OUTPUT=$(value_of --output "$@")
            shift
            ;;
        --nginx-conf)
            NGINX_CONF=$(value_of --nginx-conf "$@")
            shift
            ;;
        --no-reload) RELOAD=false ;;
        -h | --help)
            usage
            return 0
            ;;
        *) usage_error "unknown argument '$1'" ;;
        esac
        shift
    done

    local text had_old=false
    text=$(render)
    # both beside the include, so that each mv is a rename within one file system
    trap 'rm -f "$NEXT" "$BACKUP"' EXIT
    NEXT=$(mktemp "$OUTPUT.new.XXXXXX")
    BACKUP=$(mktemp "$OUTPUT.old.XXXXXX")
    printf '%s\n' "$text" >"$NEXT"
    chmod 0644 "$NEXT"
    if [[ -e $OUTPUT ]]; then
        cp -p "$OUTPUT" "$BACKUP"
        had_old=true
    fi
    mv -f "$NEXT" "$OUTPUT"
    if ! nginx_cmd -t 2>&1; then
        if $had_old; then
            mv -f "$BACKUP" "$OUTPUT"
        else
            rm -f "$OUTPUT"
        fi
        die 70 "nginx -t rejected the new ranges; $OUTPUT is back as it was"
    fi
    if $RELOAD; then
        nginx_cmd -s reload || die 69 "nginx did not reload; the new ranges apply at its next start"
    fi
    printf 'banq-cloudflare-ips: %s: %s ranges\n' "$OUTPUT" "$(grep -c '^set_real_ip_from' "$OUTPUT")"
}

main "$@"
