#!/bin/sh
# Builds libdtenge_ed25519.so (ed25519_batch.c) into $1/native/, linked against the machine's libsodium.
# Without a C compiler or libsodium it says so and builds nothing: the node then checks each signature
# on its own, with libsodium or BouncyCastle (see Signatures.java; where their answers differ, in one
# case only a key's owner can make, is in ARCHITECTURE.md).
out="$1/native"
src="$(dirname "$0")/ed25519_batch.c"
cc="${CC:-cc}"
mkdir -p "$out"
rm -f "$out/libdtenge_ed25519.so"
if [ "$(uname -s)" != Linux ]; then
  echo "[dtenge] not Linux: no batch Ed25519 library; signatures are checked one at a time"
  exit 0
fi
if ! command -v "$cc" >/dev/null 2>&1; then
  echo "[dtenge] no C compiler ($cc): no batch Ed25519 library; signatures are checked one at a time"
  exit 0
fi
for sodium in libsodium.so.23 libsodium.so.26 libsodium.so; do
  if "$cc" -O3 -std=c11 -Wall -Wextra -Werror -fPIC -shared -o "$out/libdtenge_ed25519.so" "$src" "-l:$sodium" 2>"$out/cc.log"; then
    echo "[dtenge] built $out/libdtenge_ed25519.so against $sodium"
    rm -f "$out/cc.log"
    exit 0
  fi
done
echo "[dtenge] could not build the batch Ed25519 library (no libsodium to link against?); signatures are checked one at a time:"
cat "$out/cc.log"
rm -f "$out/cc.log"
exit 0
