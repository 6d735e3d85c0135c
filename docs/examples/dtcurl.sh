#!/usr/bin/env bash
# Sends one signed request to a dtenge node with curl and OpenSSL 3 (docs/api.md, Authentication).
#   usage: dtcurl.sh PARTICIPANT KEYFILE METHOD PATH [BODY | @FILE]
#   e.g.   dtcurl.sh nbk data/keys/nbk.key GET /v1/supply
#          TYPE=application/vnd.dtenge.batch dtcurl.sh halyk data/keys/halyk.key POST /v1/payments/batch @batch.bin
# The node is at http://127.0.0.1:$PORT (default 8080); bodies are JSON unless TYPE says otherwise.
set -euo pipefail
who=$1; key=$2; method=$3; path=$4; body=${5:-}
type=${TYPE:-application/json}
timestamp=$(date +%s%3N)
nonce=$(openssl rand -hex 16)
if [[ "$body" == @* ]]; then   # a file, sent as it is (binary bodies do not fit in a shell variable)
  hash=$(openssl dgst -sha256 -r < "${body#@}" | cut -d' ' -f1)
else
  hash=$(printf '%s' "$body" | openssl dgst -sha256 -r | cut -d' ' -f1)
fi
canonical=$(mktemp)
trap 'rm -f "$canonical"' EXIT
printf 'DTENGE-REQUEST-1\n%s\n%s\n%s\n%s\n%s' "$method" "$path" "$timestamp" "$nonce" "$hash" > "$canonical"
# OpenSSL 3.0 signs Ed25519 only from a file (-rawin -in), not from a pipe.
signature=$(openssl pkeyutl -sign -rawin -inkey "$key" -in "$canonical" | basenc --base64url | tr -d '=\n')
curl -sS -N -X "$method" "http://127.0.0.1:${PORT:-8080}$path" \
  -H "Dtenge-Participant: $who" -H "Dtenge-Timestamp: $timestamp" \
  -H "Dtenge-Nonce: $nonce" -H "Dtenge-Signature: $signature" \
  ${body:+-H "Content-Type: $type" --data-binary "$body"}
echo
