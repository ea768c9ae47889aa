#!/usr/bin/env bash
# Builds pkg/: the browser ES module (pkg/web), the Node module (pkg/node),
# TypeScript declarations for both, and a package.json choosing between them.
# Prints the wasm size (raw and gzip) and fails above the budget.
set -euo pipefail
cd "$(dirname "$0")/.."
# Budget: 680 KiB gzip. The crate and its hashing and JSON dependencies are
# built for speed (opt-level 3, see Cargo.toml), which costs about 70 KiB
# gzip over a size-optimised build and halves the time of a replay
# verification in WASM (measured with `make bench`); the drand signature
# check (BLS12-381 pairing, src/beacon.rs) adds about 110 KiB gzip (splitting the engines into separate modules is tracked separately).
# The spreadsheet import format and export tables (src/import) add about 38 KiB gzip.
budget_gzip_kib=${SHENGUAN_WASM_BUDGET_GZIP_KIB:-720}

cargo build --release --lib --target wasm32-unknown-unknown --quiet
wasm=target/wasm32-unknown-unknown/release/shenguan.wasm
rm -rf pkg/web pkg/node
wasm-bindgen "$wasm" --target web --out-dir pkg/web
wasm-bindgen "$wasm" --target nodejs --out-dir pkg/node

features="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue"
for dir in pkg/web pkg/node; do
  node_modules/.bin/wasm-opt -O3 $features "$dir/shenguan_bg.wasm" -o "$dir/shenguan_bg.wasm"
done

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
cat > pkg/package.json <<JSON
{
  "name": "shenguan",
  "version": "$version",
  "description": "Auditable random case assignment, standard cases and judge performance scoring (WebAssembly)",
  "license": "MIT OR Apache-2.0",
  "files": ["web", "node"],
  "exports": {
    ".": {
      "node": { "types": "./node/shenguan.d.ts", "default": "./node/shenguan.js" },
      "default": { "types": "./web/shenguan.d.ts", "default": "./web/shenguan.js" }
    }
  },
  "types": "./web/shenguan.d.ts"
}
JSON
echo '{"type":"commonjs"}' > pkg/node/package.json
cp -r npm/worker npm/bin pkg/ # the worker wrapper and the inspector CLI
cp npm/import.mjs npm/import.d.mts npm/xlsx.mjs pkg/ # spreadsheet files in and out (docs/import.md)

raw=$(stat -c %s pkg/web/shenguan_bg.wasm)
gz=$(gzip -9 -c pkg/web/shenguan_bg.wasm | wc -c)
echo "pkg: shenguan_bg.wasm $((raw / 1024)) KiB raw, $((gz / 1024)) KiB gzip (budget ${budget_gzip_kib} KiB gzip)"
if [ $((gz / 1024)) -gt "$budget_gzip_kib" ]; then
  echo "pkg: wasm exceeds the size budget" >&2
  exit 1
fi
