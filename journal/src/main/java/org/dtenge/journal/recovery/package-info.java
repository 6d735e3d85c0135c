/**
 * Start-up after a stop or crash: newest valid snapshot, then replay of the later journal batches with
 * their stored results checked against the recomputed ones.
 */
package org.dtenge.journal.recovery;
