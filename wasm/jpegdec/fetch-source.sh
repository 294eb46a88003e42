#!/usr/bin/env bash
# Fetch libjpeg-turbo 2.1.5 source from Debian bookworm (deb-src) and verify it.
# Only needed to REBUILD jpegdec.wasm; `npm ci` + the committed .wasm need nothing from here.
# Also installs the build toolchain (all Debian bookworm packages).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p vendor
if [ ! -f vendor/libjpeg-turbo_2.1.5.orig.tar.gz ]; then
  SRCLIST=/etc/apt/sources.list.d/debian-src-jpegdec.sources
  cat > "$SRCLIST" <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt-get update -q
  (cd vendor && apt-get source --download-only libjpeg-turbo=1:2.1.5-2)
  rm -f "$SRCLIST"
fi
echo "254f3642b04e309fee775123133c6464181addc150499561020312ec61c1bf7c  vendor/libjpeg-turbo_2.1.5.orig.tar.gz" | sha256sum -c -
DEBIAN_FRONTEND=noninteractive apt-get install -y -q clang-19 lld-19 libclang-rt-19-dev-wasm32 wasi-libc libstb-dev
