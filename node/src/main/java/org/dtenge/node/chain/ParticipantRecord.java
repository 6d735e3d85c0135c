package org.dtenge.node.chain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.dtenge.ledger.EventBatch;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.Role;

/**
 * A participant's registration as a RECORD payload (124 bytes, big-endian, zero-padded):
 *
 * <pre>
 * offset size
 *   0     1   kind = 1 (PARTICIPANT)
 *   1     1   version = 1
 *   2     1   role code
 *   3     1   n = length of the name in UTF-8 bytes (1..64)
 *   4     8   participant code
 *  12    16   participant id, ASCII, zero-padded
 *  28    32   Ed25519 public key
 *  60    64   name, UTF-8, zero-padded
 * </pre>
 */
public final class ParticipantRecord {
    private static final int VERSION = 1;

    private ParticipantRecord() {}

    public static byte[] encode(Participant participant) {
        byte[] name = participant.name().getBytes(StandardCharsets.UTF_8);
        if (name.length == 0 || name.length > Participant.NAME_BYTES_MAX) {
            throw new IllegalArgumentException("a participant name is 1 to 64 bytes of UTF-8");
        }
        ByteBuffer out = ByteBuffer.allocate(124);
        out.put((byte) RecordKind.PARTICIPANT.code).put((byte) VERSION).put((byte) participant.role().code)
                .put((byte) name.length).putLong(participant.code());
        byte[] id = Arrays.copyOf(participant.id().getBytes(StandardCharsets.US_ASCII), Participant.ID_LENGTH_MAX);
        out.put(id).put(participant.publicKey()).put(name);
        return out.array();
    }

    /** The participant in RECORD event {@code index}; empty when the payload is not a well-formed registration. */
    public static Optional<Participant> decode(EventBatch batch, int index) {
        return decode(RecordKind.payload(batch, index));
    }

    static Optional<Participant> decode(byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        if (in.get() != RecordKind.PARTICIPANT.code || in.get() != VERSION) {
            return Optional.empty();
        }
        Optional<Role> role = Role.ofCode(in.get());
        int nameLength = in.get() & 0xFF;
        long code = in.getLong();
        byte[] id = new byte[Participant.ID_LENGTH_MAX];
        in.get(id);
        byte[] key = new byte[32];
        in.get(key);
        if (role.isEmpty() || nameLength == 0 || nameLength > Participant.NAME_BYTES_MAX) {
            return Optional.empty();
        }
        String name = new String(payload, 60, nameLength, StandardCharsets.UTF_8);
        int idLength = 0;
        while (idLength < id.length && id[idLength] != 0) {
            idLength++;
        }
        String text = new String(id, 0, idLength, StandardCharsets.US_ASCII);
        if (!Participant.isValidId(text) || code <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Participant(text, code, name, role.get(), key));
    }
}
