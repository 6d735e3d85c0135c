package org.dtenge.programs;

import java.util.List;

/**
 * A deployed contract as the journal defines it: the template, the parameters after the document
 * hash, the document (name and CEL condition), the owner, the version and the current status.
 *
 * @param id the contract id, which is also its ledger policy id
 * @param owner the participant code of the owner
 * @param parameters the template's parameters ({@link Contracts#TEMPLATE_PARAMS} longs)
 * @param documentHash SHA-256 of the journaled document, hex
 */
public record Contract(int id, ContractTemplate template, String name, String condition, long owner, long version,
                       ContractStatus status, List<Long> parameters, String documentHash) {}
