#!/usr/bin/env python3
# Builds and signs the body of POST /v1/payments (docs/api.md, "Canonical payment encoding").
#   usage: dtpay.py KEYFILE ID PAYER PAYEE AMOUNT [REFERENCE]   (prints the JSON body; valid for 60 s)
import base64, json, subprocess, sys, tempfile, time
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

def account(address):           # "DT" + 2 check digits + 16 base32 characters = 80 bits
    value = 0
    for c in address[4:].upper():
        value = value * 32 + ALPHABET.index(c)
    return value.to_bytes(16, "big")  # 128-bit account id, high bits zero

def tiyn(amount):
    units, _, cents = amount.partition(".")
    return int(units) * 100 + int((cents + "00")[:2])

key, pid, payer, payee, amount = sys.argv[1:6]
reference = sys.argv[6] if len(sys.argv) > 6 else ""
expires = int(time.time() * 1000) + 60_000
order = (b"DTENGE-PAYMENT-1" + bytes.fromhex(pid) + account(payer) + account(payee)
         + tiyn(amount).to_bytes(8, "big", signed=True) + (1).to_bytes(4, "big") + (0).to_bytes(4, "big")
         + reference.encode("ascii").ljust(16, b"\0") + expires.to_bytes(8, "big"))
assert len(order) == 104
with tempfile.NamedTemporaryFile() as message:  # OpenSSL 3.0 signs Ed25519 only from a file
    message.write(order)
    message.flush()
    signature = subprocess.run(["openssl", "pkeyutl", "-sign", "-rawin", "-inkey", key, "-in", message.name],
                               capture_output=True, check=True).stdout
body = {"id": pid, "payer": payer, "payee": payee, "amount": amount, "expiresAt": expires,
        "signature": base64.urlsafe_b64encode(signature).rstrip(b"=").decode()}
if reference:
    body["reference"] = reference
print(json.dumps(body))
