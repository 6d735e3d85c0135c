/**
 * The journal: the durable, tamper-evident record of every batch the ledger applied, with its results.
 *
 * <p>{@link org.dtenge.journal.Journal} is the contract; {@link org.dtenge.journal.FileJournal} keeps it in
 * segment files ({@link org.dtenge.journal.BatchHeader} draws a record). Each batch header carries the
 * previous batch's hash (a hash chain) and the RFC 6962 {@link org.dtenge.journal.Merkle} root of its
 * events and results, so that a {@link org.dtenge.journal.Receipt} proves one event and its outcome to
 * anyone who holds a head hash ({@link org.dtenge.journal.ReceiptVerifier}).
 *
 * <p>What this package never does: file I/O other than through {@link org.dtenge.journal.storage.Storage},
 * start threads, read a clock, or drop damaged data silently.
 */
package org.dtenge.journal;
