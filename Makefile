# jixiao — the two commands a newcomer needs:
#   make serve   set up, build the page and serve it on http://127.0.0.1:$(PORT)/
#   make test    set up and run every test (lint, unit, snapshot, CLI, wasm in Chromium, end-to-end)

PORT ?= 8080
# -ocimfs 100: a function with one caller is inlined into it only when small. Left to
# wasm-opt's default (any size), the readers merged into one 48 KB function, and the
# page's engine, which compiles a function on its first call, compiled the lot for any
# first check (first check of seed 004 in node: median 28.6 → 14.7 ms; module +3.5 KB).
WASM_OPT_FLAGS = -Os -ocimfs 100 --enable-reference-types --enable-bulk-memory \
                 --enable-nontrapping-float-to-int --enable-sign-ext --enable-multivalue \
                 --enable-mutable-globals
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: bench fuzz serve test setup setup-web lint unit wasm-test www e2e types boundary cli clean

serve: setup-web www
	node www/serve.mjs $(PORT)

test: setup lint unit wasm-test www e2e types
	@echo "make test: all checks passed"

setup:
	scripts/setup.sh test

setup-web:
	scripts/setup.sh web

lint: boundary
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets --all-features -- -D warnings
	cargo clippy --workspace --all-targets --all-features --target wasm32-unknown-unknown -- -D warnings

# Only src/wasm.rs may know wasm-bindgen (and workbook/, the .xlsx reader's own module, which
# is nothing else); money and rates are never floating point.
boundary:
	@! grep -rln 'wasm_bindgen\|js_sys' src --include='*.rs' | grep -v '^src/wasm.rs$$' \
	  || (echo "wasm-bindgen used outside src/wasm.rs" && false)
	@! grep -rn '\bf64\b\|\bf32\b' src --include='*.rs' | grep -v '^\S*:\s*//' \
	  || (echo "floating point in src/" && false)

unit:
	cargo test --workspace --all-targets

wasm-test:
	wasm-pack test --headless --chrome

# The optimised modules and the page in www/dist: the checker (the JavaScript API alone, no
# .xlsx reader) and the .xlsx reader (workbook/, built in a target dir of its own so the two
# feature sets of jixiao don't rebuild each other), each with ES-module and no-modules glue.
WASM_ENV = CARGO_PROFILE_RELEASE_OPT_LEVEL=s
WORKBOOK_WASM = target/workbook/wasm32-unknown-unknown/release/jixiao_workbook.wasm
www:
	$(WASM_ENV) wasm-pack build --target web --release --out-dir www/pkg -- --no-default-features --features js
	node_modules/.bin/wasm-opt $(WASM_OPT_FLAGS) www/pkg/jixiao_bg.wasm -o www/pkg/jixiao_bg.wasm
	wasm-bindgen --target no-modules --no-typescript --out-dir www/pkg-nomodules target/wasm32-unknown-unknown/release/jixiao.wasm
	node_modules/.bin/wasm-opt $(WASM_OPT_FLAGS) www/pkg-nomodules/jixiao_bg.wasm -o www/pkg-nomodules/jixiao_bg.wasm
	$(WASM_ENV) CARGO_TARGET_DIR=target/workbook cargo build -p jixiao-workbook --lib --release --target wasm32-unknown-unknown
	wasm-bindgen --target web --out-dir www/pkg-workbook $(WORKBOOK_WASM)
	wasm-bindgen --target no-modules --no-modules-global jixiao_workbook --no-typescript --out-dir www/pkg-workbook-nomodules $(WORKBOOK_WASM)
	for d in pkg-workbook pkg-workbook-nomodules; do \
	  node_modules/.bin/wasm-opt $(WASM_OPT_FLAGS) www/$$d/jixiao_workbook_bg.wasm -o www/$$d/jixiao_workbook_bg.wasm || exit 1; done
	node www/build.mjs

e2e:
	node --test tests/e2e/

# The .d.ts a portal imports (www/dist, built by `www`), over a small portal in TypeScript;
# tests/types/misspelt.ts holds options that must not compile.
types:
	node_modules/.bin/tsc --strict --noEmit -p tests/types
	@echo "types: tests/types compiled with tsc --strict"

cli:
	cargo build --release --bin jixiao
	@echo "target/release/jixiao check FILE..."

clean:
	cargo clean
	rm -rf www/pkg www/pkg-nomodules www/pkg-workbook www/pkg-workbook-nomodules www/dist

# Fuzzing (cargo-fuzz, libFuzzer) on the stable toolchain; FUZZ_SECONDS per target. The
# corpus grows under target/fuzz-corpus; fuzz/seeds stays as committed.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= value_parser tsv_reader narrative check xlsx profile
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	for t in $(FUZZ_TARGETS); do \
	  case $$t in value_parser) len=256;; xlsx) len=262144;; *) len=65536;; esac; \
	  mkdir -p target/fuzz-corpus/$$t; \
	  (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O $$t ../target/fuzz-corpus/$$t seeds/$$t -- \
	     -max_total_time=$(FUZZ_SECONDS) -max_len=$$len -print_final_stats=1) > target/fuzz-$$t.log 2>&1; \
	  st=$$?; grep -E 'stat::number_of_executed_units|stat::average_exec_per_sec|Done|ERROR|panicked' target/fuzz-$$t.log | sed "s/^/$$t: /"; \
	  [ $$st -eq 0 ] || { tail -40 target/fuzz-$$t.log; exit $$st; }; \
	done

# Native throughput, then the page in headless Chromium, each figure beside its budget
# (benches/throughput.rs, benches/browser.mjs). The generated forms are kept in
# target/bench-forms for both.
bench: setup www
	mkdir -p target/bench-forms
	JIXIAO_BENCH_DUMP=$(CURDIR)/target/bench-forms cargo bench --bench throughput
	node benches/browser.mjs
