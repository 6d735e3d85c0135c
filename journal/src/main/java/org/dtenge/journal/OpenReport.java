package org.dtenge.journal;

import java.util.Optional;

/**
 * What opening a journal found.
 *
 * @param segmentCount the segment files in use after opening
 * @param head         the last whole batch
 * @param tornTail     the incomplete last record that was cut off, if there was one
 */
public record OpenReport(int segmentCount, JournalHead head, Optional<TornTail> tornTail) {}
