#!/usr/bin/env python3
# Writes a binary batch (application/vnd.dtenge.batch, docs/api.md "Binary batches") of payouts from an
# intermediary's own account: one 152-byte record per payee, no wallet signatures (the request's
# signature authorizes transfers from the sender's own account).
#   usage: dtbatch.py PAYER AMOUNT PAYEE [PAYEE ...] > batch.bin     (amount in tenge, e.g. 250.00)
import os, sys
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

def account(address):           # "DT" + 2 check digits + 16 base32 characters = 80 bits
    value = 0
    for c in address[4:].upper():
        value = value * 32 + ALPHABET.index(c)
    return value.to_bytes(16, "big")  # 128-bit account id, high bits zero

def tiyn(amount):
    units, _, cents = amount.partition(".")
    return int(units) * 100 + int((cents + "00")[:2])

payer, amount, payees = sys.argv[1], sys.argv[2], sys.argv[3:]
out = bytearray()
for payee in payees:
    record = (os.urandom(16) + account(payer) + account(payee) + tiyn(amount).to_bytes(8, "big", signed=True)
              + (1).to_bytes(4, "big") + (0).to_bytes(4, "big")   # asset 1 (DT), purpose 0
              + bytes(16) + (0).to_bytes(8, "big")                # no reference, no expiry
              + bytes(64))                                        # no wallet signature
    assert len(record) == 152
    out += record
sys.stdout.buffer.write(out)
