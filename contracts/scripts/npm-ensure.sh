#!/usr/bin/env bash
# Installs the pinned npm toolchain (solcjs, anvil) of the contracts module, but only when
# node_modules is missing or older than package-lock.json, so repeated builds cost nothing.
# Usage: scripts/npm-ensure.sh            (from any directory)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lock="$here/package-lock.json"
modules="$here/node_modules"
stamp="$modules/.paraseq-npm-ci"

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "npm-ensure: node and npm are required to build contracts/ (solcjs, anvil)." >&2
  echo "npm-ensure: install Node.js >= 18 with npm (e.g. apt-get install nodejs npm) and retry." >&2
  exit 1
fi

if [[ ! -f "$lock" ]]; then
  echo "npm-ensure: $lock is missing; it pins the toolchain and must be committed." >&2
  exit 1
fi

# The stamp is written after a successful 'npm ci'; comparing it (not the directory, whose
# mtime changes whenever a package is added) with the lock file tells if the install is current.
if [[ -f "$stamp" && "$stamp" -nt "$lock" ]]; then
  exit 0
fi

echo "npm-ensure: installing the pinned toolchain with 'npm ci' in $here"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
anvil="$modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
if [[ "$(uname -s)-$(uname -m)" == Linux-x86_64 && ! -x "$anvil" ]]; then
  echo "npm-ensure: npm ci finished but $anvil is missing or not executable." >&2
  exit 1
fi
touch "$stamp"
