#!/usr/bin/env bash
# Installs what the contract tests (tests/PricingApi.Tests/Contract) need: Node.js and npm (Debian's, if missing),
# then Prism (a validating proxy) and Spectral (the OpenAPI linter) from npm into .ci/contract-tools/node_modules,
# at the versions locked in .ci/contract-tools/package-lock.json (npm ci). Nothing is installed globally.
# Idempotent: does nothing when both tools are already installed at those versions.
set -euo pipefail
cd "$(dirname "$0")/contract-tools"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update
  $sudo apt-get install -y --no-install-recommends nodejs npm
fi

pinned() { node -p "require('./package.json').dependencies['$1']"; }
installed() { [ -f "node_modules/$1/package.json" ] && [ "$(node -p "require('./node_modules/$1/package.json').version")" = "$(pinned "$1")" ]; }

if installed @stoplight/prism-cli && installed @stoplight/spectral-cli && [ -x node_modules/.bin/prism ] && [ -x node_modules/.bin/spectral ]; then
  echo "install-contract-tools: already installed (prism $(pinned @stoplight/prism-cli), spectral $(pinned @stoplight/spectral-cli))"
  exit 0
fi

npm ci --no-audit --no-fund --loglevel=error
echo "install-contract-tools: prism $(node_modules/.bin/prism --version), spectral $(node_modules/.bin/spectral --version)"
