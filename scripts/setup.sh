#!/usr/bin/env bash
# Installs only what is missing: the wasm32 target, wasm-bindgen-cli at the
# exact version pinned in Cargo.toml, the npm packages from the lockfile, and
# (with --browser) Debian's chromium for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

pin=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
[ -n "$pin" ] || { echo "setup: wasm-bindgen pin not found in Cargo.toml" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$pin" ]; then
  echo "setup: installing wasm-bindgen-cli $pin (found: ${have:-none})"
  cargo install wasm-bindgen-cli --version "=$pin"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The bundlers of the real-client checks (pkg-tests/clients), from their own lockfile.
if [ ! -d pkg-tests/clients/node_modules ] || [ pkg-tests/clients/package-lock.json -nt pkg-tests/clients/node_modules/.package-lock.json ]; then
  echo "setup: npm ci in pkg-tests/clients"
  npm ci --prefix pkg-tests/clients --no-audit --no-fund --loglevel=error
fi

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then
    (apt-get install -y chromium || { apt-get update && apt-get install -y chromium; }) >/dev/null
  else
    sudo apt-get install -y chromium >/dev/null
  fi
fi

# The page is in Chinese: without a CJK font its screenshots show boxes.
if [ "${1:-}" = "--browser" ] && ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  echo "setup: installing Debian's fonts-noto-cjk so the page's Chinese renders"
  if [ "$(id -u)" = 0 ]; then
    (apt-get install -y fonts-noto-cjk || { apt-get update && apt-get install -y fonts-noto-cjk; }) >/dev/null
  else
    sudo apt-get install -y fonts-noto-cjk >/dev/null
  fi
fi
exit 0
