#!/usr/bin/env bash
# Installs what building, serving and testing jixiao need. Idempotent and quick when
# everything is present. Usage: scripts/setup.sh [web|test]
#   web  — Rust wasm target, wasm-pack, wasm-bindgen-cli, npm packages (enough to serve)
#   test — all of web, plus Debian's chromium + chromium-driver for browser tests and
#          LibreOffice Calc (headless) for the CSV export test
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-test}"

say() { printf '[setup] %s\n' "$*"; }

# The wasm-bindgen crate is pinned with "=" in Cargo.toml; the CLI must match it.
pin=$(sed -n 's/^wasm-bindgen = .*"=\([0-9.]*\)".*/\1/p' Cargo.toml | head -1)
[ -n "$pin" ] || { echo "[setup] wasm-bindgen pin not found in Cargo.toml" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for comp in clippy rustfmt; do
  rustup component list --installed | grep -q "^$comp" || rustup component add "$comp"
done

if ! command -v wasm-pack >/dev/null 2>&1; then
  say "installing wasm-pack (takes a few minutes once)"
  cargo install wasm-pack --locked
fi

have_bindgen=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have_bindgen" != "$pin" ]; then
  say "installing wasm-bindgen-cli $pin (have: ${have_bindgen:-none}; takes a few minutes once)"
  cargo install wasm-bindgen-cli --version "=$pin" --force
fi
have_bindgen=$(wasm-bindgen --version | awk '{print $2}')
if [ "$have_bindgen" != "$pin" ]; then
  echo "[setup] wasm-bindgen CLI is $have_bindgen but Cargo.toml pins $pin" >&2
  exit 1
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  say "installing node and npm from Debian"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/esbuild ] \
   || [ ! -x node_modules/.bin/tsc ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (playwright-core, binaryen, esbuild, typescript)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$what" = test ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  fc-list 2>/dev/null | grep -qi 'wenquanyi\|noto.*cjk' || missing+=(fonts-wqy-microhei)
  # The e2e test that opens the page's CSV export in Calc (issue 23: every cell as text).
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
  command -v unzip >/dev/null 2>&1 || missing+=(unzip)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
fi
say "ready ($what)"
