package org.dtenge.cards.iso8583;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every field moov-io's spec87ascii.json defines is defined the same way in {@link Spec87Ascii}. */
class SpecAgreesWithMoovTest {
    @Test
    void fieldsMatchTheJsonSpec() throws IOException {
        JsonNode fields = new ObjectMapper().readTree(Vectors.dir().resolve("spec87ascii.json").toFile()).get("fields");
        int compared = 0;
        for (Map.Entry<String, JsonNode> entry : fields.properties()) {
            int number = Integer.parseInt(entry.getKey());
            if (number < 2) {
                continue; // the MTI and bitmap are the codec's own
            }
            JsonNode json = entry.getValue();
            FieldSpec ours = Spec87Ascii.SPEC.field(number).orElseThrow();
            String field = "field " + number;
            assertThat(ours.length()).as(field).isEqualTo(json.get("length").asInt());
            assertThat(ours.kind()).as(field).isEqualTo(json.get("type").asText().equals("Numeric") ? FieldKind.NUMERIC : FieldKind.STRING);
            assertThat(ours.encoding()).as(field).isEqualTo(json.get("enc").asText().equals("HexToASCII") ? Encoding.HEX : Encoding.ASCII);
            String prefix = json.get("prefix").asText();
            assertThat(ours.prefix()).as(field).isEqualTo(prefix.endsWith(".LLL") ? Prefix.LLL
                    : prefix.endsWith(".LL") ? Prefix.LL : Prefix.FIXED);
            JsonNode padding = json.get("padding");
            assertThat(ours.padding()).as(field).isEqualTo(padding == null ? Padding.NONE
                    : Padding.left(padding.get("pad").asText().charAt(0)));
            compared++;
        }
        assertThat(compared).isEqualTo(64);
    }
}
