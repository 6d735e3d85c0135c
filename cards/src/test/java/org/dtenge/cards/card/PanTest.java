package org.dtenge.cards.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Luhn check against the published test PANs, and the keyed hash. */
class PanTest {
    private static JsonNode vectors() throws Exception {
        Path file = Path.of(System.getProperty("shared.dir", "../testdata"), "vectors", "cards", "test_pans.json");
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void publishedTestPansPassAndTheirAlteredOnesFail() throws Exception {
        JsonNode vectors = vectors();
        int valid = 0;
        for (String group : new String[] {"valid_test_pans", "scenario_pans"}) {
            for (JsonNode pan : vectors.get(group)) {
                assertThat(Pan.parse(pan.get("pan").asText())).as(pan.get("pan").asText()).isPresent();
                valid++;
            }
        }
        assertThat(valid).isEqualTo(32);
        for (JsonNode pan : vectors.get("luhn_invalid")) {
            assertThat(Pan.parse(pan.get("pan").asText())).as(pan.get("pan").asText()).isEmpty();
        }
    }

    @Test
    void everySingleDigitChangeIsCaught() {
        long seed = Long.getLong("cards.seed", System.nanoTime());
        System.out.println("PanTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        String pan = "4242424242424242";
        for (int i = 0; i < 1000; i++) {
            int at = random.nextInt(pan.length());
            char other = (char) ('0' + (pan.charAt(at) - '0' + 1 + random.nextInt(9)) % 10);
            String changed = pan.substring(0, at) + other + pan.substring(at + 1);
            assertThat(Pan.luhnValid(changed)).as("seed %d: %s", seed, changed).isFalse();
        }
    }

    @Test
    void formIsChecked() {
        assertThat(Pan.parse("42424242424")).as("11 digits").isEmpty();
        assertThat(Pan.parse("4242 4242 4242 4242")).isEmpty();
        assertThat(Pan.parse("42424242424242424242")).as("20 digits").isEmpty();
        assertThat(Pan.parse("4242424242424242").orElseThrow().toString()).isEqualTo("**** 4242");
    }

    @Test
    void theHashDependsOnTheKeySoItCannotBeLookedUpWithoutIt() {
        Pan pan = Pan.parse("4242424242424242").orElseThrow();
        byte[] one = new PanHasher(new byte[32]).hash(pan);
        byte[] key = new byte[32];
        key[0] = 1;
        assertThat(new PanHasher(key).hash(pan)).isNotEqualTo(one);
        assertThat(new PanHasher(new byte[32]).hash(pan)).isEqualTo(one);
        assertThat(one).hasSize(32);
    }
}
