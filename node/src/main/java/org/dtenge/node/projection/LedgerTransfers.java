package org.dtenge.node.projection;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dtenge.ledger.Transfer;
import org.dtenge.node.money.TransferId;

/**
 * Transfers as the ledger holds them, for what the journal does not carry: the policy legs the ledger
 * added, and the hold a post or void settles. Asking for many at once costs one round trip through the
 * sequencer instead of one each.
 */
@FunctionalInterface
public interface LedgerTransfers {
    /** The transfers of {@code ids} that the ledger holds; ids it does not hold are left out. */
    Map<TransferId, Transfer> find(Collection<TransferId> ids);

    default Optional<Transfer> find(TransferId id) {
        return Optional.ofNullable(find(List.of(id)).get(id));
    }
}
