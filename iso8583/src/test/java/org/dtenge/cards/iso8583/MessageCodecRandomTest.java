package org.dtenge.cards.iso8583;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random inputs: messages built from random valid values round-trip exactly, and random damage
 * to real messages (flips, cuts, insertions, garbage) gives a Malformed value or a message that
 * round-trips, never an exception. The seed is printed; set -Dcards.seed=N to replay one.
 */
class MessageCodecRandomTest {
    private static final int ROUNDS = 20_000;
    private final MessageCodec codec = MessageCodec.iso87Ascii();

    private static long seed() {
        long seed = Long.getLong("cards.seed", System.nanoTime());
        System.out.println("MessageCodecRandomTest seed " + seed + " (replay with -Dcards.seed=" + seed + ")");
        return seed;
    }

    @Test
    void randomValidMessagesRoundTrip() {
        long seed = seed();
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < ROUNDS; round++) {
            IsoMessage message = randomMessage(random);
            byte[] bytes = codec.encode(message);
            assertThat(codec.decode(bytes)).as("seed %d round %d", seed, round).isEqualTo(new Decoded.Valid(message));
        }
    }

    @Test
    void damagedMessagesNeverThrow() {
        long seed = seed();
        SplittableRandom random = new SplittableRandom(seed);
        int malformed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            // Real messages, and random valid ones (so that every field's prefix and padding gets damaged too).
            byte[] original = random.nextBoolean() ? Vectors.message(Vectors.MESSAGES[random.nextInt(Vectors.MESSAGES.length)])
                    : codec.encode(randomMessage(random));
            byte[] damaged = damage(original, random);
            Decoded decoded = codec.decode(damaged);
            switch (decoded) {
                case Decoded.Malformed m -> {
                    malformed++;
                    assertThat(m.reason()).isNotBlank();
                }
                case Decoded.Valid v -> assertThat(codec.decode(codec.encode(v.message()))).as("seed %d round %d", seed, round)
                        .isEqualTo(decoded);
            }
        }
        assertThat(malformed).as("most damage is noticed").isGreaterThan(ROUNDS / 2);
    }

    private static byte[] damage(byte[] bytes, SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> {
                byte[] copy = bytes.clone();
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                yield copy;
            }
            case 1 -> Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 2 -> {
                int at = random.nextInt(bytes.length + 1);
                byte[] copy = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, copy, 0, at);
                copy[at] = (byte) random.nextInt(256);
                System.arraycopy(bytes, at, copy, at + 1, bytes.length - at);
                yield copy;
            }
            case 3 -> {
                byte[] garbage = new byte[random.nextInt(64)];
                random.nextBytes(garbage);
                yield garbage;
            }
            default -> {
                byte[] copy = bytes.clone();
                copy[4 + random.nextInt(16)] = (byte) "0123456789ABCDEF".charAt(random.nextInt(16)); // a different bitmap
                yield copy;
            }
        };
    }

    static IsoMessage randomMessage(SplittableRandom random) {
        IsoMessage message = IsoMessage.of(String.format("%04d", random.nextInt(10_000)));
        int count = random.nextInt(12);
        for (int i = 0; i < count; i++) {
            int number = 2 + random.nextInt(127);
            FieldSpec spec = Spec87Ascii.SPEC.field(number).orElseThrow();
            message = message.with(number, randomValue(spec, random));
        }
        return message;
    }

    private static String randomValue(FieldSpec spec, SplittableRandom random) {
        // Fixed fields are written whole: a padded short value decodes with its padding, which is another string.
        int units = spec.prefix() == Prefix.FIXED ? spec.length() : random.nextInt(spec.length() + 1);
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < units * spec.encoding().charsPerUnit; i++) {
            value.append(spec.kind() == FieldKind.NUMERIC ? (char) ('0' + random.nextInt(10))
                    : spec.encoding() == Encoding.HEX ? "0123456789ABCDEF".charAt(random.nextInt(16))
                    : (char) (0x20 + random.nextInt(0x5F)));
        }
        return value.toString();
    }
}
