# shenguan: every entry point. `make test` and `make demo` work from a fresh clone.
.PHONY: all tools pkg test test-native test-wasm test-pkg test-types test-browser test-clients demo serve bench fuzz mutants clean

all: pkg

# Installs what a fresh machine lacks: wasm target, the pinned wasm-bindgen-cli, npm packages.
tools:
	@scripts/setup.sh

# Builds the WebAssembly package into pkg/ (browser ES module and Node module, with .d.ts).
pkg: tools
	@scripts/build-pkg.sh

test: test-native test-wasm test-pkg test-types test-browser test-clients
	@echo "make test: all suites passed"

test-native:
	cargo test --all-targets
	cargo test --doc

test-wasm: tools
	cargo test --target wasm32-unknown-unknown --test wasm

test-pkg: pkg
	node --test pkg-tests/

test-types: pkg
	node_modules/.bin/tsc --noEmit -p pkg-tests/tsconfig.json

test-browser: pkg
	@scripts/setup.sh --browser
	node pkg-tests/browser/run.mjs
	node pkg-tests/browser/worker.mjs

# The packed tarball in Node (ESM, CJS), strict TypeScript, Vite, webpack 5 and webpack 4 builds in Chromium.
test-clients: pkg
	@scripts/setup.sh --browser
	node pkg-tests/clients/run.mjs

demo: pkg
	node examples/demo.mjs

serve: pkg
	@test -f examples/court/spreadsheets/judges.xlsx || node examples/court/spreadsheets.mjs
	node scripts/serve.mjs

bench: pkg
	@scripts/setup.sh --browser
	node bench/run.mjs

# Coverage-guided fuzzing of every JSON entry point (cargo-fuzz on nightly,
# both installed if missing); FUZZ_SECONDS per target, about 5 minutes in
# all by default. Not part of `make test`. See docs/fuzzing.md.
fuzz:
	@scripts/fuzz.sh

# Mutation testing of the three engines (cargo-mutants, installed if
# missing), every MUTANTS_SAMPLE-th mutant (default 20). Not part of
# `make test`. See docs/mutation-testing.md.
mutants:
	@scripts/mutants.sh

clean:
	rm -rf pkg target/bench
