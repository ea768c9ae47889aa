#!/usr/bin/env bash
# Builds pkg/, the npm package (layout in docs/package.md): one build per
# engine and one with all three, each a single wasm with its browser glue,
# its Node glue and the entries from npm/entry/. Prints each wasm's size and
# fails when one exceeds its budget (scripts/sizes.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."

# Every `make test-*` target depends on pkg: skip the build when nothing it is
# built from changed since the last one (the hash is kept in pkg/.inputs). The size
# check (scripts/sizes.mjs) runs either way.
inputs_hash=$( { rustc --version; wasm-bindgen --version;
  find src npm scripts/build-pkg.sh scripts/package-json.mjs Cargo.toml Cargo.lock package-lock.json README.md CHANGELOG.md LICENSE-MIT LICENSE-APACHE -type f -print0 | sort -z | xargs -0 sha256sum; } | sha256sum | cut -d' ' -f1)
if [ -f pkg/.inputs ] && [ "$(cat pkg/.inputs)" = "$inputs_hash" ]; then
  echo "pkg: up to date"
  node scripts/sizes.mjs
  exit 0
fi

builds=(full assign standard score)
wasm_features="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue"

rm -rf pkg target/pkg-build
mkdir -p pkg
for build in "${builds[@]}"; do
  work=target/pkg-build/$build
  out=pkg/$build
  mkdir -p "$work"
  # The builds that replay ledgers (assign, full) keep their hot paths fast;
  # the standard-cases and scoring builds are optimised for size throughout
  # (Cargo.toml, profile wasm-small; docs/package.md).
  case $build in
    assign | full) profile=release wasm_opt=-O3 ;;
    *) profile=wasm-small wasm_opt=-Oz ;;
  esac
  cargo build --profile "$profile" --lib --target wasm32-unknown-unknown --no-default-features --features "$build" --quiet
  # The same file name in every build, so the entries are the same files.
  cp "target/wasm32-unknown-unknown/$profile/shenguan.wasm" "$work/shenguan.wasm"
  wasm-bindgen "$work/shenguan.wasm" --target web --out-dir "$out"
  wasm-bindgen "$work/shenguan.wasm" --target nodejs --out-dir "$work/node"
  # Both targets emit the same wasm: ship it once, and let the Node glue read it.
  cmp -s "$out/shenguan_bg.wasm" "$work/node/shenguan_bg.wasm" || { echo "pkg: web and nodejs wasm differ ($build)" >&2; exit 1; }
  mv "$work/node/shenguan.js" "$out/shenguan.node.cjs"
  rm "$out/shenguan_bg.wasm.d.ts"
  node_modules/.bin/wasm-opt "$wasm_opt" $wasm_features "$out/shenguan_bg.wasm" -o "$out/shenguan_bg.wasm"
  # The glue's own default URL would put import.meta in every entry; index.js
  # passes the URL instead, and legacy.js (webpack 4) takes it from init(url).
  default_url="module_or_path = new URL('shenguan_bg.wasm', import.meta.url);"
  grep -qF "$default_url" "$out/shenguan.js" || { echo "pkg: the glue's default wasm URL line changed" >&2; exit 1; }
  sed -i "s|$default_url|throw new TypeError('shenguan: init needs the wasm URL');|" "$out/shenguan.js"
  cp npm/entry/* "$out/"
  # isShenguanError (npm/errors.js) is exported by every entry: as is for the
  # ES modules, with its one `export` made module.exports for require.
  cp npm/errors.js "$out/errors.js"
  { sed 's/^export function /function /' npm/errors.js; echo 'module.exports.isShenguanError = isShenguanError;'; } > "$out/errors.cjs"
  echo "export { isShenguanError } from './errors.js';" >> "$out/legacy.js"
  echo "module.exports.isShenguanError = require('./errors.cjs').isShenguanError;" >> "$out/node.cjs"
  echo "export const { isShenguanError } = glue;" >> "$out/node.mjs"
  # node.mjs names every export of the build (Node cannot list them from CommonJS).
  names=$(node -e "const g = require('./$out/shenguan.node.cjs'); console.log(Object.keys(g).filter((n) => !/^(init|initSync|default)$/.test(n)).join(', '))")
  echo "export const { $names } = glue;" >> "$out/node.mjs"
done

cp npm/import.mjs npm/import.d.mts npm/xlsx.mjs pkg/ # spreadsheet files in and out (docs/import.md)
cp README.md CHANGELOG.md LICENSE-MIT LICENSE-APACHE pkg/
for part in worker bin; do
  if [ -d "npm/$part" ]; then cp -r "npm/$part" "pkg/$part"; fi
done
node scripts/package-json.mjs # after the copies: it exports ./worker and the bin when they are there

node scripts/sizes.mjs
echo "$inputs_hash" > pkg/.inputs
