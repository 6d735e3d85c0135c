package org.dtenge.node.projection;

/**
 * Transfers of one category, on one ledger day, counted for one intermediary. {@code wallets} is how
 * many distinct wallets the group holds; groups below the minimum size are never returned.
 */
public record StatisticsRow(String day, long intermediary, String category, long count, long volume, long wallets) {}
