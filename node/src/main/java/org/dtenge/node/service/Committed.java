package org.dtenge.node.service;

import org.dtenge.journal.EventPosition;
import org.dtenge.journal.Receipt;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.payment.Reference;

/**
 * A transfer that is in the ledger and durable, with where the journal holds it and the receipt that
 * proves it. The same for the first request and for any repeat of it.
 */
public record Committed(TransferId id, AccountId debit, AccountId credit, long amount, int purpose, Reference reference,
                        long atNanos, EventPosition position, Receipt receipt) {}
