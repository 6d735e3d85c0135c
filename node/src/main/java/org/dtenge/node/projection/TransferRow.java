package org.dtenge.node.projection;

import java.util.Optional;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.payment.Reference;

/** A transfer as projected, with the payer's signature and the order's expiry when it was a signed payment. */
public record TransferRow(TransferId id, AccountId debit, AccountId credit, long amount, int asset, int purpose,
                          Reference reference, long atNanos, long batch, int eventIndex, String category,
                          Optional<byte[]> signature, Optional<Long> expiresAtMillis) {}
