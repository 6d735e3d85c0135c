package org.dtenge.cards.card;

import java.time.YearMonth;
import java.util.HexFormat;
import java.util.Set;
import org.dtenge.node.money.AccountId;

/**
 * A card as the registry holds it: no PAN, only its keyed hash and last four digits.
 *
 * @param panHash           HMAC-SHA256 of the PAN ({@link PanHasher}): how a message finds its card
 * @param bank              the issuing bank's participant code
 * @param wallet            the DT wallet the card spends from
 * @param purchaseLimit     largest single purchase, in tiyn
 * @param atmDailyLimit     most cash from ATMs per ledger day, in tiyn
 */
public record Card(byte[] panHash, String lastFour, CardProduct product, long bank, AccountId wallet, YearMonth expiry,
                   CardStatus status, long purchaseLimit, long atmDailyLimit, Set<Channel> channels) {
    public Card {
        panHash = panHash.clone();
        channels = Set.copyOf(channels);
    }

    /** The card's public id: the first 16 bytes of its keyed hash, as 32 hex digits. */
    public String id() {
        return idOf(panHash);
    }

    public static String idOf(byte[] panHash) {
        return HexFormat.of().formatHex(panHash, 0, 16);
    }

    @Override
    public byte[] panHash() {
        return panHash.clone();
    }

    public Card withStatus(CardStatus newStatus) {
        return new Card(panHash, lastFour, product, bank, wallet, expiry, newStatus, purchaseLimit, atmDailyLimit, channels);
    }

    public boolean isExpiredAt(YearMonth month) {
        return month.isAfter(expiry);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Card c && java.util.Arrays.equals(panHash, c.panHash) && lastFour.equals(c.lastFour)
                && product == c.product && bank == c.bank && wallet.equals(c.wallet) && expiry.equals(c.expiry)
                && status == c.status && purchaseLimit == c.purchaseLimit && atmDailyLimit == c.atmDailyLimit
                && channels.equals(c.channels);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(panHash);
    }

    @Override
    public String toString() {
        return product + " **** " + lastFour + " (" + status + ")";
    }
}
