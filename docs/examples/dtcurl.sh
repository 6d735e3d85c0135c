#!/usr/bin/env bash
# Sends one signed request to a dtenge node with curl and OpenSSL 3 (docs/api.md, Authentication).
#   usage: dtcurl.sh PARTICIPANT KEYFILE METHOD PATH [BODY]
#   e.g.   dtcurl.sh nbk data/keys/nbk.key GET /v1/supply
# The node is at http://127.0.0.1:$PORT (default 8080).
set -euo pipefail
who=$1; key=$2; method=$3; path=$4; body=${5:-}
timestamp=$(date +%s%3N)
nonce=$(openssl rand -hex 16)
hash=$(printf '%s' "$body" | openssl dgst -sha256 -r | cut -d' ' -f1)
canonical=$(mktemp)
trap 'rm -f "$canonical"' EXIT
printf 'DTENGE-REQUEST-1\n%s\n%s\n%s\n%s\n%s' "$method" "$path" "$timestamp" "$nonce" "$hash" > "$canonical"
# OpenSSL 3.0 signs Ed25519 only from a file (-rawin -in), not from a pipe.
signature=$(openssl pkeyutl -sign -rawin -inkey "$key" -in "$canonical" | basenc --base64url | tr -d '=\n')
curl -sS -N -X "$method" "http://127.0.0.1:${PORT:-8080}$path" \
  -H "Dtenge-Participant: $who" -H "Dtenge-Timestamp: $timestamp" \
  -H "Dtenge-Nonce: $nonce" -H "Dtenge-Signature: $signature" \
  ${body:+-H 'Content-Type: application/json' --data-binary "$body"}
echo
