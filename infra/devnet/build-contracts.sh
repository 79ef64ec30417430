#!/usr/bin/env bash
# Rebuilds the committed devnet artifacts (src/main/resources/devnet/artifacts/*.json) from
# contracts/*.sol with the solc pinned in package.json. Run after editing a contract; the
# ContractArtifactsTest fails while an artifact is out of date.
set -euo pipefail

DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$DIR"
if [[ ! -d node_modules/solc ]]; then
    npm ci --no-audit --no-fund --loglevel=error
fi
node compile.js src/main/resources/devnet/artifacts
echo "artifacts written to $DIR/src/main/resources/devnet/artifacts"
