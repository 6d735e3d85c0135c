package org.dtenge.node.projection;

import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.payment.Reference;

/** One line of an account's history: {@code amount} is signed, negative when money left the account. */
public record HistoryEntry(long atNanos, TransferId transfer, long amount, AccountId counterparty, String category,
                           int purpose, Reference reference, long batch) {}
