package org.dtenge.node.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import org.dtenge.node.money.AccountId;
import org.junit.jupiter.api.Test;

/** EMV merchant-presented QR codes, checked against the published payloads in testdata/vectors/emv-qr. */
class EmvQrTest {
    private static JsonNode vectors() throws Exception {
        Path file = Path.of(System.getProperty("shared.dir", "../../testdata"), "vectors", "emv-qr", "emv_mpm_payloads.json");
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void theCrcIsCcittFalse() throws Exception {
        assertThat(Crc16.hex("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(vectors().get("crc_check_of_123456789").asText());
    }

    @Test
    void everyPublishedPayloadParsesAndReencodesToItself() throws Exception {
        for (JsonNode vector : vectors().get("vectors")) {
            String payload = vector.get("payload").asText();
            EmvQr.Parsed parsed = EmvQr.parse(payload);
            assertThat(parsed).as(vector.get("note").asText()).isInstanceOf(EmvQr.Parsed.Valid.class);
            EmvQr.Parsed.Valid valid = (EmvQr.Parsed.Valid) parsed;
            assertThat(valid.field("00").orElseThrow().value()).isEqualTo("01");
            StringBuilder again = new StringBuilder();
            for (EmvField field : valid.fields()) {
                again.append(field.encode());
            }
            assertThat(again.toString()).isEqualTo(payload);
            assertThat(MerchantQr.from(valid)).isEmpty(); // none of them is a dtenge code
        }
    }

    @Test
    void templatesAreReadAsNestedFields() throws Exception {
        String pix = vectors().get("vectors").get(3).get("payload").asText();
        EmvQr.Parsed.Valid valid = (EmvQr.Parsed.Valid) EmvQr.parse(pix);
        EmvField account = valid.field("26").orElseThrow();
        assertThat(account.children()).extracting(EmvField::tag).containsExactly("00", "01");
        assertThat(account.children().getFirst().value()).isEqualTo("BR.GOV.BCB.PIX");
        String chinese = vectors().get("vectors").get(0).get("payload").asText();
        EmvField language = ((EmvQr.Parsed.Valid) EmvQr.parse(chinese)).field("64").orElseThrow();
        assertThat(language.children().get(1).value()).isEqualTo("北京"); // lengths count characters, not bytes
    }

    /**
     * Fuzz: any one changed ASCII character of a valid payload is refused (by the CRC or the structure).
     * A single-byte change is always caught by a 16-bit CRC; multi-byte characters are left alone,
     * since replacing one with a shorter one shifts the bytes and a CRC catches that only with
     * probability 1 - 2^-16, which would make this test flaky.
     */
    @Test
    void anyDamagedCharacterIsRefused() throws Exception {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        for (JsonNode vector : vectors().get("vectors")) {
            String payload = vector.get("payload").asText();
            for (int n = 0; n < 300; n++) {
                int at = random.nextInt(payload.length());
                char replacement = (char) (' ' + random.nextInt(95));
                if (replacement == payload.charAt(at) || payload.charAt(at) > 0x7E) {
                    continue;
                }
                String damaged = payload.substring(0, at) + replacement + payload.substring(at + 1);
                assertThat(EmvQr.parse(damaged)).as("seed %d: %s", seed, damaged).isInstanceOf(EmvQr.Parsed.Invalid.class);
            }
            assertThat(EmvQr.parse(payload.substring(0, payload.length() - 1))).isInstanceOf(EmvQr.Parsed.Invalid.class);
        }
        assertThat(EmvQr.parse("")).isInstanceOf(EmvQr.Parsed.Invalid.class);
        assertThat(EmvQr.parse("000201")).isInstanceOf(EmvQr.Parsed.Invalid.class);
    }

    @Test
    void aDtengeRequestRoundTrips() {
        String address = new AccountId(3, 42).address();
        MerchantQr request = new MerchantQr(address, Optional.of(150_000L), Optional.of("INV-7"), "5411", "MAGNUM", "ALMATY");
        String payload = request.payload();
        assertThat(payload).startsWith("000201010212").endsWith(Crc16.hex(payload.substring(0, payload.length() - 4)
                .getBytes(StandardCharsets.UTF_8)));
        EmvQr.Parsed.Valid valid = (EmvQr.Parsed.Valid) EmvQr.parse(payload);
        assertThat(valid.field("53").orElseThrow().value()).isEqualTo("398");
        assertThat(valid.field("58").orElseThrow().value()).isEqualTo("KZ");
        assertThat(MerchantQr.from(valid)).contains(request);
        MerchantQr staticCode = new MerchantQr(address, Optional.empty(), Optional.empty(), "5814", "CANTEEN", "ALMATY");
        assertThat(staticCode.payload()).startsWith("000201010211");
        assertThat(MerchantQr.from((EmvQr.Parsed.Valid) EmvQr.parse(staticCode.payload()))).contains(staticCode);
    }
}
