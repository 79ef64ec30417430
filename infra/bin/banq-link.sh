#!/usr/bin/env bash
# banq-link.sh: publishes the series databases of the state directory to the API by linking each
# one into the API's db path under the name the web UI asks for:
#   ri-APOW:supply:P000.db -> ri_apow_supply_0.db     rt-XPOW_AVAX:T004.db -> rt_xpow_wavax_4.db
# Only linked databases are served; removing a link withdraws a series. Idempotent; unknown names
# are reported and skipped. Install path: /usr/local/bin/banq-link (infra/install.sh runs it).
# The names follow the series catalogue of DESIGN.md (db-schema's Catalogue in Java).
set -euo pipefail

usage() {
    cat <<'USAGE'
usage: banq-link [--dry-run] [--prune] [--state-dir DIR] [--db-path DIR] [--link-to DIR]
  --state-dir DIR  where the series databases are (default /var/lib/banq)
  --db-path DIR    the API's db path to link into (default /srv/db)
  --link-to DIR    the directory the links point into (default: the state dir; differs only
                   when installing into a staging root)
  --prune          also remove links whose database is gone
  --dry-run        print what would change, change nothing
USAGE
}

# The tokens of pool / oracle number N (P00N, T00N), as in the catalogue.
pair_of() {
    case $1 in
    0) echo "APOW XPOW" ;;
    1) echo "APOW AVAX" ;;
    2) echo "APOW USDC" ;;
    3) echo "APOW USDT" ;;
    4) echo "XPOW AVAX" ;;
    5) echo "XPOW USDC" ;;
    6) echo "XPOW USDT" ;;
    *) return 1 ;;
    esac
}

# On-chain symbol, lowercased: what the web UI puts in API names.
api_symbol() {
    case $1 in
    APOW) echo apow ;;
    XPOW) echo xpow ;;
    AVAX) echo wavax ;;
    USDC) echo usdc ;;
    USDT) echo usdt ;;
    *) return 1 ;;
    esac
}

in_pair() { # token number
    local pair
    pair=$(pair_of "$2") || return 1
    [[ " $pair " == *" $1 "* ]]
}

# state file name -> API name (without .db); fails for a name outside the catalogue
api_name() {
    local file=$1 re_ri='^ri-([A-Z]+)[:_](supply|borrow)[:_]P00([0-9])\.db$'
    local re_rt='^rt-([A-Z]+)_([A-Z]+)[:_]T00([0-9])\.db$'
    if [[ $file =~ $re_ri ]]; then
        local token=${BASH_REMATCH[1]} mode=${BASH_REMATCH[2]} n=${BASH_REMATCH[3]}
        in_pair "$token" "$n" || return 1
        echo "ri_$(api_symbol "$token")_${mode}_$n"
    elif [[ $file =~ $re_rt ]]; then
        local source=${BASH_REMATCH[1]} target=${BASH_REMATCH[2]} n=${BASH_REMATCH[3]}
        [[ $source != "$target" ]] && in_pair "$source" "$n" && in_pair "$target" "$n" || return 1
        echo "rt_$(api_symbol "$source")_$(api_symbol "$target")_$n"
    else
        return 1
    fi
}

main() {
    local state_dir=/var/lib/banq db_path=/srv/db link_to="" prune=false dry_run=false
    while [[ $# -gt 0 ]]; do
        case $1 in
        --state-dir) state_dir=${2:?--state-dir needs a directory}; shift ;;
        --db-path) db_path=${2:?--db-path needs a directory}; shift ;;
        --link-to) link_to=${2:?--link-to needs a directory}; shift ;;
        --prune) prune=true ;;
        --dry-run) dry_run=true ;;
        -h | --help) usage; return 0 ;;
        *) usage >&2; echo "banq-link: unknown argument '$1'" >&2; return 64 ;;
        esac
        shift
    done
    link_to=${link_to:-$state_dir}
    [[ -d $state_dir ]] || { echo "banq-link: no state directory $state_dir" >&2; return 66; }
    [[ -d $db_path ]] || $dry_run || { echo "banq-link: no db path $db_path" >&2; return 66; }

    local act=""
    $dry_run && act="would "
    local path file name link target linked=0 skipped=0
    shopt -s nullglob
    for path in "$state_dir"/ri-*.db "$state_dir"/rt-*.db; do
        file=${path##*/}
        if ! name=$(api_name "$file"); then
            echo "banq-link: skip $file: not a series of the catalogue (expected e.g." \
                "ri-APOW:supply:P000.db or rt-XPOW_APOW:T000.db)" >&2
            skipped=$((skipped + 1))
            continue
        fi
        link=$db_path/$name.db
        target=$link_to/$file
        if [[ -L $link && $(readlink "$link") == "$target" ]]; then
            linked=$((linked + 1))
            continue
        fi
        if [[ -e $link && ! -L $link ]]; then
            echo "banq-link: skip $file: $link exists and is not a link; move it away first" >&2
            skipped=$((skipped + 1))
            continue
        fi
        echo "${act}link $link -> $target"
        $dry_run || ln -sfn "$target" "$link"
        linked=$((linked + 1))
    done
    if $prune; then
        for link in "$db_path"/r[it]_*.db; do
            [[ -L $link ]] || continue
            target=$(readlink "$link")
            if [[ $target == "$link_to"/* && ! -e $state_dir/${target##*/} ]]; then
                echo "${act}unlink $link (its database ${target##*/} is gone)"
                $dry_run || rm -f "$link"
            fi
        done
    fi
    echo "banq-link: $linked series linked in $db_path, $skipped skipped"
}

main "$@"
