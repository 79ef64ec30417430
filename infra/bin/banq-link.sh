#!/usr/bin/env bash
# banq-link.sh: publishes the series databases of the state directory to the API by linking each
# one into the API's db path under the name the web UI asks for:
#   ri-APOW:supply:P000.db -> ri_apow_supply_0.db     rt-XPOW_AVAX:T004.db -> rt_xpow_wavax_4.db
# Only linked databases are served; removing a link withdraws a series. Idempotent; unknown names
# are reported and skipped. Install path: /usr/local/bin/banq-link (infra/install.sh runs it).
# The names are the series catalogue's, read from `banq-batch list` (BANQ_BATCH_JAR, else the
# source tree's or the installed jar; JAVA_HOME's java, else the one on PATH).
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

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
declare -A API_NAMES=() # state file -> API name (without .db), from banq-batch's catalogue

# The banq-batch jar that knows the catalogue: BANQ_BATCH_JAR, the source tree's, the installed one.
batch_jar() {
    local jar
    for jar in "${BANQ_BATCH_JAR:-}" "$HERE/../../batch-jobs/target/banq-batch.jar" \
        /opt/banq/banq-batch.jar; do
        if [[ -n $jar && -f $jar ]]; then
            echo "$jar"
            return 0
        fi
    done
    return 1
}

# Reads the series lines of `banq-batch list` (instance id, state file, API name) into API_NAMES;
# banq-batch answers `list` from its catalogue without starting anything.
read_catalogue() {
    local jar java=${JAVA_HOME:+$JAVA_HOME/bin/}java listing file name
    jar=$(batch_jar) || return 1
    listing=$("$java" -jar "$jar" list) || return 1
    while read -r _ file name; do
        [[ -n $name ]] && API_NAMES[$file]=$name
    done < <(sed -n '/^series /,$p' <<<"$listing" | tail -n +2)
    [[ ${#API_NAMES[@]} -gt 0 ]]
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
    read_catalogue || {
        echo "banq-link: cannot read the series catalogue from banq-batch list" \
            "(set BANQ_BATCH_JAR to banq-batch.jar, JAVA_HOME to a JDK >= 21)" >&2
        return 69
    }

    local act=""
    $dry_run && act="would "
    local path file name link target linked=0 skipped=0
    shopt -s nullglob
    for path in "$state_dir"/ri-*.db "$state_dir"/rt-*.db; do
        file=${path##*/}
        name=${API_NAMES[$file]:-}
        if [[ -z $name ]]; then
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
