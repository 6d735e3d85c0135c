package org.dtenge.cards.iso8583;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The moov-io sample messages decode, hold what moov-io says they hold, and re-encode byte for byte. */
class MessageCodecVectorsTest {
    private final MessageCodec codec = MessageCodec.iso87Ascii();

    @Test
    void everySampleReEncodesByteIdentical() {
        for (String name : Vectors.MESSAGES) {
            byte[] bytes = Vectors.message(name);
            Decoded decoded = codec.decode(bytes);
            assertThat(decoded).as(name).isInstanceOf(Decoded.Valid.class);
            IsoMessage message = ((Decoded.Valid) decoded).message();
            assertThat(codec.encode(message)).as(name).isEqualTo(bytes);
        }
    }

    @Test
    void financialRequestHoldsItsFields() {
        IsoMessage message = valid("financial_transaction_message");
        assertThat(message.mti()).isEqualTo("0200");
        assertThat(message.fields().keySet()).containsExactly(3, 4, 7, 11, 12, 13, 15, 18, 32, 37, 42, 48, 49, 60);
        assertThat(message.field(3)).contains("380000");
        assertThat(message.field(11)).contains("011392");
        assertThat(message.field(32)).contains("2000001");
        assertThat(message.field(42)).contains("0800411        ");
        assertThat(message.field(49)).contains("360");
    }

    @Test
    void reversalUsesTheSecondaryBitmapForOriginalDataElements() {
        IsoMessage message = valid("iso_reversal_message");
        assertThat(message.mti()).isEqualTo("0400");
        assertThat(message.field(2)).contains("1111111110000000000");
        assertThat(message.field(32)).contains(""); // an LL field of length zero
        assertThat(message.field(90)).contains("020000331609080645190000000020000000000000");
    }

    @Test
    void networkManagementResponseAnswersTheSignOn() {
        IsoMessage request = valid("network_management_message");
        IsoMessage response = valid("network_management_message_response");
        assertThat(request.mti()).isEqualTo("0800");
        assertThat(response.mti()).isEqualTo("0810");
        assertThat(response.field(39)).contains("00");
        assertThat(response.field(70)).isEqualTo(request.field(70));
    }

    @Test
    void aBuiltMessageGetsItsBitmapsFromItsFields() {
        IsoMessage message = IsoMessage.of("0800").with(7, "1125183000").with(11, "000001").with(70, "301");
        byte[] bytes = codec.encode(message);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("0800" + "8220000000000000" + "0400000000000000" + "1125183000" + "000001" + "301");
        assertThat(codec.decode(bytes)).isEqualTo(new Decoded.Valid(message));
    }

    private IsoMessage valid(String name) {
        return ((Decoded.Valid) codec.decode(Vectors.message(name))).message();
    }
}
