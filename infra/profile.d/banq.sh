# banq.sh: login-shell defaults for operators of banq-srv, so that the jars and sqlite3 commands of
# docs/OPERATIONS.md run against the production layout. Values already set are kept.
# Install path: /etc/profile.d/banq.sh (sourced by sh-compatible login shells; not executable).
# shellcheck shell=sh
export BANQ_HOME="${BANQ_HOME:-/opt/banq}"
export BANQ_STATE_DIR="${BANQ_STATE_DIR:-/var/lib/banq}"
export BANQ_DB_PATH="${BANQ_DB_PATH:-/srv/db}"
export PROVIDER_URL="${PROVIDER_URL:-https://api.avax.network/ext/bc/C/rpc}"
export CONTRACT_RUN="${CONTRACT_RUN:-v10a}"
