#!/usr/bin/env bash
# Reproducible build of jpegdec.wasm (libjpeg-turbo 2.1.5 from Debian bookworm source, no SIMD).
# Needs (Debian bookworm): apt-get install clang-19 lld-19 libclang-rt-19-dev-wasm32 wasi-libc libstb-dev
# Source: vendor/libjpeg-turbo-2.1.5 (from `apt-get source --download-only libjpeg-turbo`
#   = libjpeg-turbo_2.1.5.orig.tar.gz, sha256 checked below).
set -euo pipefail
cd "$(dirname "$0")"
SRC=../vendor/libjpeg-turbo-2.1.5
TGZ=../vendor/libjpeg-turbo_2.1.5.orig.tar.gz
EXPECT=254f3642b04e309fee775123133c6464181addc150499561020312ec61c1bf7c
if [ -f "$TGZ" ]; then echo "$EXPECT  $TGZ" | sha256sum -c - ; fi
[ -d "$SRC" ] || tar xzf "$TGZ" -C ../vendor
CC=${CC:-clang-19}
FILES="jcomapi.c jdapimin.c jdapistd.c jdarith.c jaricom.c jdcoefct.c jdcolor.c jddctmgr.c
 jdhuff.c jdinput.c jdmainct.c jdmarker.c jdmaster.c jdmerge.c jdphuff.c jdpostct.c jdsample.c
 jerror.c jidctflt.c jidctfst.c jidctint.c jidctred.c jmemmgr.c jmemnobs.c jquant1.c jquant2.c
 jutils.c jsimd_none.c"
SRCS=""; for f in $FILES; do SRCS="$SRCS $SRC/$f"; done
$CC --target=wasm32-wasi --sysroot=/usr -O2 -DNO_GETENV -DNO_PUTENV -DNDEBUG \
  -ffile-prefix-map="$PWD"=. -ffile-prefix-map="$(cd ..; pwd)"=.. \
  -Iconfig -I"$SRC" -idirafter /usr/include/stb -mexec-model=reactor -nostartfiles \
  -Wl,--no-entry -Wl,--strip-all -Wl,--gc-sections \
  -Wl,--initial-memory=1310720 -Wl,--max-memory=134217728 -Wl,-z,stack-size=131072 \
  -o jpegdec.wasm jpegdec.c $SRCS
ls -l jpegdec.wasm
sha256sum jpegdec.wasm
