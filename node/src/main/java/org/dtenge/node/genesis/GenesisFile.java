package org.dtenge.node.genesis;

import java.util.List;

/**
 * The pilot network as {@code genesis.json} describes it (the shipped one is a resource; any other can
 * be given with {@code --genesis}). Names of customers' wallets stay in this file and the key
 * directory: the ledger holds no names.
 */
record GenesisFile(AssetSpec asset, List<ParticipantSpec> participants, List<WalletSpec> wallets) {
    record AssetSpec(Integer id, String code, Integer scale) {}

    /** @param issue DT the central bank issues to this participant's reserve at genesis, if any */
    record ParticipantSpec(String id, Long code, String name, String role, String issue) {}

    /** @param cashIn DT the servicer converts into this wallet at genesis, if any */
    record WalletSpec(String id, String name, String kind, String servicer, String tier, String cashIn) {}
}
