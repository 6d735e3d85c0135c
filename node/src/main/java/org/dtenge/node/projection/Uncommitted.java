package org.dtenge.node.projection;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.dtenge.node.money.AccountId;

/**
 * History that the projection has applied but not yet committed to SQLite, for
 * the readers, so that what a participant's event stream announces can be read at once although the
 * projection commits only every five seconds under load.
 *
 * <p>Everything here is durable already: the projection is fed only what the journal has synced, and
 * after a crash it applies the same events again. The projection's thread writes; request threads read.
 * It clears what it committed only after the commit, so a reader that misses an entry here finds it in
 * SQLite, and one that finds blocks here reads SQLite only for older ones (see {@link ProjectionQueries}).
 */
final class Uncommitted {
    /** A history block not yet committed: the time of its first entry and its packed entries. */
    record Block(long firstAt, byte[] entries) {}

    private final ConcurrentHashMap<AccountId, List<Block>> history = new ConcurrentHashMap<>();

    /** An account's uncommitted blocks, oldest first; empty when all of its history is committed. */
    List<Block> history(AccountId account) {
        return history.getOrDefault(account, List.of());
    }

    /** Replaces what readers see of {@code account}'s uncommitted history: every block of it, oldest first. */
    void history(AccountId account, List<Block> blocks) {
        history.put(account, blocks);
    }

    /** After a commit (everything is in SQLite now) or a rollback (the projection stops; it is applied again at start). */
    void clear() {
        history.clear();
    }
}
