package org.dtenge.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dtenge.ledger.Result;
import org.junit.jupiter.api.Test;

/** The journaled deployment: chunks, hash, parameters. */
class DeploymentTest {
    @Test
    void aPolicyWhoseDocumentWasNeverJournaledIsRefused() {
        Book book = new Book();
        byte[] document = ContractRecords.document("Ghost", "true");
        book.batch.createPolicy(3, ContractTemplate.GATE.code, Book.params(document, 3, 1, GatePolicy.DEBITS));
        assertThat(book.one()).isEqualTo(Result.POLICY_PARAMETERS_INVALID);
        assertThat(book.contracts.contracts()).isEmpty();
    }

    @Test
    void aLongConditionTravelsInManyChunksAcrossBatches() {
        Book book = new Book();
        StringBuilder condition = new StringBuilder("amount > 0");
        for (int i = 0; i < 60; i++) {
            condition.append(" && purpose != ").append(1_000 + i);
        }
        byte[] document = ContractRecords.document("Long", condition.toString());
        List<byte[]> chunks = ContractRecords.textChunks(document);
        assertThat(chunks).hasSizeGreaterThan(10);
        for (int i = chunks.size() - 1; i >= 0; i--) { // any order, any batches
            book.batch.record(chunks.get(i));
            book.commit();
        }
        book.batch.createPolicy(3, ContractTemplate.GATE.code, Book.params(document, 3, 1, GatePolicy.DEBITS));
        assertThat(book.one()).isEqualTo(Result.OK);
        assertThat(book.contracts.contract(3).orElseThrow().condition()).isEqualTo(condition.toString());
    }

    @Test
    void aChunkThatDoesNotMatchTheHashLeavesNoDocument() {
        Book book = new Book();
        byte[] document = ContractRecords.document("Tampered", "amount < 100");
        byte[] chunk = ContractRecords.textChunks(document).get(0);
        chunk[40] ^= 1;
        book.batch.record(chunk);
        book.commit();
        assertThat(book.contracts.hasDocument(document)).isFalse();
        book.batch.createPolicy(3, ContractTemplate.GATE.code, Book.params(document, 3, 1, GatePolicy.DEBITS));
        assertThat(book.one()).isEqualTo(Result.POLICY_PARAMETERS_INVALID);
    }

    @Test
    void badTemplateParametersAreRefused() {
        Book book = new Book();
        book.deploy(3, ContractTemplate.GATE, "No sides", "true", 1, 0);
        book.deploy(4, ContractTemplate.TAX_SPLIT, "Rate too high", "true", 1, 10_001, 0, 0, 5);
        book.deploy(5, ContractTemplate.TAX_SPLIT, "No budget", "true", 1, 1_200, 0, 0, 0);
        List<Result> results = book.commit();
        assertThat(results.stream().filter(r -> r != Result.OK)).containsOnly(Result.POLICY_PARAMETERS_INVALID)
                .hasSize(3);
    }

    @Test
    void theBuiltInTemplatesStillWork() {
        Book book = new Book();
        book.batch.createPolicy(3, org.dtenge.ledger.BuiltInPolicies.REVENUE_SPLIT, 0, 40, 500, 0);
        assertThat(book.one()).isEqualTo(Result.OK);
        book.batch.createPolicy(4, 99);
        assertThat(book.one()).isEqualTo(Result.POLICY_TEMPLATE_UNKNOWN);
    }
}
