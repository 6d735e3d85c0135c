package org.dtenge.node.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WalletAddressTest {
    private static final String ALPHABET = WalletAddress.ALPHABET;
    /** Characters a typist might hit instead: every address character, and digits for the check digits. */
    private static final String TYPED = ALPHABET + "DT";

    private static AccountId randomId(SplittableRandom random) {
        long hi = random.nextLong(0x10000);
        long lo = random.nextLong();
        return hi == 0 && lo == 0 ? new AccountId(0, 1) : new AccountId(hi, lo);
    }

    private static boolean accepted(String text) {
        return WalletAddress.parse(text) instanceof WalletAddress.Parsed.Valid;
    }

    @Test
    void formatAndParseRoundTrip() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 10_000; i++) {
            AccountId id = randomId(random);
            String address = id.address();
            assertThat(address).as("seed %d", seed).hasSize(20).startsWith("DT").matches("DT[0-9]{2}[0-9A-HJKMNP-TV-Z]{16}");
            assertThat(WalletAddress.parse(address)).as("seed %d", seed).isEqualTo(new WalletAddress.Parsed.Valid(id));
            assertThat(WalletAddress.parse(address.toLowerCase())).isEqualTo(new WalletAddress.Parsed.Valid(id));
        }
        AccountId largest = new AccountId(0xFFFF, -1L);
        assertThat(WalletAddress.parse(largest.address())).isEqualTo(new WalletAddress.Parsed.Valid(largest));
    }

    /** Property: every single-character substitution and every swap of neighbours is refused. */
    @Test
    void everySingleCharacterErrorAndAdjacentTranspositionIsDetected() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        int checked = 0;
        for (int n = 0; n < 300; n++) {
            String address = randomId(random).address();
            for (int i = 0; i < address.length(); i++) {
                for (int c = 0; c < TYPED.length(); c++) {
                    char typo = TYPED.charAt(c);
                    if (typo == address.charAt(i)) {
                        continue;
                    }
                    String wrong = address.substring(0, i) + typo + address.substring(i + 1);
                    assertThat(accepted(wrong)).as("seed %d: %s mistyped as %s", seed, address, wrong).isFalse();
                    checked++;
                }
                if (i + 1 < address.length() && address.charAt(i) != address.charAt(i + 1)) {
                    String swapped = address.substring(0, i) + address.charAt(i + 1) + address.charAt(i) + address.substring(i + 2);
                    assertThat(accepted(swapped)).as("seed %d: %s swapped to %s", seed, address, swapped).isFalse();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100_000);
    }

    @Test
    void eachKindOfErrorHasItsOwnMessage() {
        String address = new AccountId(7, 123456789L).address();
        assertThat(WalletAddress.parse("DT12")).isEqualTo(new WalletAddress.Parsed.Invalid(
                "a wallet address has 20 characters, \"DT12\" has 4"));
        assertThat(((WalletAddress.Parsed.Invalid) WalletAddress.parse("KZ" + address.substring(2))).reason()).contains("starts with");
        assertThat(((WalletAddress.Parsed.Invalid) WalletAddress.parse("DTX" + address.substring(3))).reason()).contains("check digits");
        assertThat(((WalletAddress.Parsed.Invalid) WalletAddress.parse(address.substring(0, 19) + "U")).reason())
                .contains("character 20").contains("alphabet");
        String typo = address.substring(0, 19) + (address.charAt(19) == '0' ? '1' : '0');
        assertThat(((WalletAddress.Parsed.Invalid) WalletAddress.parse(typo)).reason()).contains("typo");
    }
}
