package org.dtenge.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.dtenge.ledger.EventBatch;
import org.dtenge.node.auth.SigningKey;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.Role;
import org.junit.jupiter.api.Test;

/** The node's RECORD payloads survive the journal's event layout. */
class ParticipantRecordTest {
    @Test
    void aRegistrationRoundTripsThroughARecordEvent() {
        Participant participant = new Participant("almaty", 9002, "Алматы қаласының әкімдігі", Role.GOVERNMENT,
                SigningKey.generate(new SecureRandom()).publicKey());
        EventBatch batch = new EventBatch(2);
        batch.record(ParticipantRecord.encode(participant));
        batch.record(new SignatureRecord(new TransferId(1, 2), 99, new byte[64]).encode());
        assertThat(RecordKind.of(batch, 0)).contains(RecordKind.PARTICIPANT);
        assertThat(ParticipantRecord.decode(batch, 0)).contains(participant);
        assertThat(RecordKind.of(batch, 1)).contains(RecordKind.PAYMENT_SIGNATURE);
        assertThat(ParticipantRecord.decode(batch, 1)).isEmpty();
        SignatureRecord signature = SignatureRecord.decode(batch, 1).orElseThrow();
        assertThat(signature.payment()).isEqualTo(new TransferId(1, 2));
        assertThat(signature.expiresAtMillis()).isEqualTo(99);
    }
}
