package org.dtenge.cards.gateway;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import org.dtenge.cards.card.KeyedMac;
import org.dtenge.cards.iso8583.IsoMessage;
import org.dtenge.cards.iso8583.MessageCodec;

/**
 * The message authentication code that proves a card message comes from an acquirer holding the
 * gateway's key (shared out of band, as card networks share MAC keys). The MAC is the last field: DE 64,
 * or DE 128 when the message has secondary-bitmap fields; its value is the first 8 bytes of
 * HMAC-SHA256 over every byte of the message before it, as sent, in 16 hex digits.
 *
 * <pre>
 * MTI | bitmaps (with the MAC's bit) | fields ... | MAC = hex(HMAC-SHA256(key, all the bytes to its left)[0..8))
 * </pre>
 */
public final class MessageMac {
    /** Messages that move money, which must carry a MAC; network management does not. */
    public static final Set<String> REQUIRED = Set.of("0100", "0101", "0200", "0201", "0220", "0221", "0400", "0401", "0420",
            "0421");
    private static final int MAC_CHARS = 16;
    private static final String PLACEHOLDER = "0".repeat(MAC_CHARS);

    private final KeyedMac mac;

    public MessageMac(byte[] key) {
        this.mac = new KeyedMac(key, "a MAC key");
    }

    /** The field that carries the MAC of {@code message}: DE 128 when it has fields above 64, else DE 64. */
    public static int macField(IsoMessage message) {
        return message.fields().keySet().stream().anyMatch(n -> n > 64 && n != 128) ? 128 : 64;
    }

    /** {@code message} encoded with its MAC, as a terminal sends it. */
    public byte[] seal(MessageCodec codec, IsoMessage message) {
        int field = macField(message);
        byte[] bytes = codec.encode(message.without(64).without(128).with(field, PLACEHOLDER));
        byte[] mac = HexFormat.of().withUpperCase().formatHex(compute(bytes, bytes.length - MAC_CHARS)).getBytes(
                java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(mac, 0, bytes, bytes.length - MAC_CHARS, MAC_CHARS);
        return bytes;
    }

    /** Whether {@code raw}, decoded as {@code message}, ends with the right MAC in the right field. */
    public boolean verify(byte[] raw, IsoMessage message) {
        int field = macField(message);
        if (!message.has(field) || (field == 128 && message.has(64)) || raw.length < MAC_CHARS) {
            return false;
        }
        String sent = message.field(field).orElseThrow();
        if (!sent.equals(new String(raw, raw.length - MAC_CHARS, MAC_CHARS, java.nio.charset.StandardCharsets.ISO_8859_1))) {
            return false; // the MAC is not the last field
        }
        String expected = HexFormat.of().withUpperCase().formatHex(compute(raw, raw.length - MAC_CHARS));
        // The MAC is the message's last field, so its value is the last 16 bytes as sent.
        return MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                sent.toUpperCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private byte[] compute(byte[] bytes, int length) {
        return java.util.Arrays.copyOf(mac.of(bytes, length), 8);
    }
}
