package org.dtenge.cards.terminal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.dtenge.cards.gateway.MessageMac;
import org.dtenge.cards.iso8583.Decoded;
import org.dtenge.cards.iso8583.MessageCodec;
import org.dtenge.cards.iso8583.IsoMessage;

/**
 * A simulated POS terminal or ATM: builds the ISO 8583 messages a real one sends, numbering them with
 * its own STAN and retrieval reference numbers, and sends them over a {@link TerminalConnection}.
 *
 * <p>A transaction is named by its RRN; authorization, completion and reversal of one transaction
 * carry the same RRN (and card, terminal, acquirer), which is how the gateway finds the original.
 */
public final class Terminal {
    public static final String ACQUIRER = "400001";
    private static final DateTimeFormatter TRANSMISSION = DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.ofHours(5));
    private static final DateTimeFormatter LOCAL_DATE = DateTimeFormatter.ofPattern("MMdd").withZone(ZoneOffset.ofHours(5));

    /** Where the card is used: it decides the merchant type, entry mode and country the messages carry. */
    public enum Kind {
        POS("5411", "051", "00"),
        ONLINE("5999", "812", "59"),
        ATM("6011", "051", "00");

        final String merchantType;
        final String entryMode;
        final String condition;

        Kind(String merchantType, String entryMode, String condition) {
            this.merchantType = merchantType;
            this.entryMode = entryMode;
            this.condition = condition;
        }
    }

    private final Optional<TerminalConnection> connection;
    private final Optional<MessageMac> mac;
    private final MessageCodec codec = MessageCodec.iso87Ascii();
    private final String terminalId;
    private final Kind kind;
    private final AtomicInteger stan;
    private final String rrnPrefix;
    private final String country;

    /**
     * @param terminalId 8 characters (DE 41)
     * @param country    ISO 3166 numeric of the acquirer (DE 19): 398 at home
     */
    public Terminal(TerminalConnection connection, String terminalId, Kind kind, String country) {
        this(connection, Optional.empty(), terminalId, kind, country);
    }

    /** @param mac the acquirer's MAC key, to seal messages that move money */
    public Terminal(TerminalConnection connection, Optional<MessageMac> mac, String terminalId, Kind kind, String country) {
        this(Optional.of(connection), mac, terminalId, kind, country);
    }

    /** A terminal that only builds and seals messages, for a caller that sends them itself (a load generator). */
    public static Terminal offline(Optional<MessageMac> mac, String terminalId, Kind kind, String country) {
        return new Terminal(Optional.empty(), mac, terminalId, kind, country);
    }

    private Terminal(Optional<TerminalConnection> connection, Optional<MessageMac> mac, String terminalId, Kind kind,
                     String country) {
        this.connection = connection;
        this.mac = mac;
        this.terminalId = String.format("%-8.8s", terminalId);
        this.kind = kind;
        this.country = country;
        long now = System.currentTimeMillis();
        this.stan = new AtomicInteger((int) (now % 900_000));
        this.rrnPrefix = String.format("%06d", (now / 1000) % 1_000_000);
    }

    /** A fresh retrieval reference number for a new transaction: 12 digits. */
    public String newRrn() {
        return rrnPrefix + String.format("%06d", nextStan());
    }

    public IsoMessage signOn() {
        return send(network("001"));
    }

    public IsoMessage echo() {
        return send(network("301"));
    }

    /** One-step purchase (0200, processing code 00) or ATM withdrawal (0200, 01). */
    public IsoMessage pay(String pan, long amountMinor, int currency, String rrn) {
        return send(financial("0200", pan, amountMinor, currency, rrn));
    }

    public IsoMessage authorize(String pan, long amountMinor, int currency, String rrn) {
        return send(financial("0100", pan, amountMinor, currency, rrn));
    }

    public IsoMessage complete(String pan, long amountMinor, int currency, String rrn) {
        return send(financial("0220", pan, amountMinor, currency, rrn));
    }

    /** A reversal (0400), or its repeat as an advice (0420), of the transaction {@code rrn}. */
    public IsoMessage reverse(String pan, long amountMinor, int currency, String rrn, boolean advice) {
        return send(financial(advice ? "0420" : "0400", pan, amountMinor, currency, rrn));
    }

    /** Sends {@code message}, sealed with the MAC when it moves money and the terminal has the key. */
    public IsoMessage send(IsoMessage message) {
        if (mac.isEmpty() || !MessageMac.REQUIRED.contains(message.mti())) {
            return connection().exchange(message);
        }
        byte[] answer = connection().exchangeRaw(seal(message)).orElseThrow(() -> new org.dtenge.cards.CardsException(
                "the gateway closed the connection instead of answering " + message.mti()));
        return switch (codec.decode(answer)) {
            case Decoded.Valid valid -> valid.message();
            case Decoded.Malformed malformed -> throw new org.dtenge.cards.CardsException("the gateway's answer is malformed: "
                    + malformed.reason());
        };
    }

    /** The bytes this terminal sends for {@code message}: with its MAC when it has the key. */
    public byte[] seal(IsoMessage message) {
        return mac.map(m -> m.seal(codec, message)).orElseGet(() -> codec.encode(message));
    }

    /** The message this terminal would send, without sending it (for repeats and tests). */
    public IsoMessage financial(String mti, String pan, long amountMinor, int currency, String rrn) {
        Instant now = Instant.now();
        return IsoMessage.builder(mti)
                .with(2, pan)
                .with(3, kind == Kind.ATM ? "010000" : "000000")
                .with(4, String.format("%012d", amountMinor))
                .with(7, TRANSMISSION.format(now))
                .with(11, String.format("%06d", nextStan()))
                .with(12, LOCAL_TIME.format(now))
                .with(13, LOCAL_DATE.format(now))
                .with(18, kind.merchantType)
                .with(19, country)
                .with(22, kind.entryMode)
                .with(25, kind.condition)
                .with(32, ACQUIRER)
                .with(37, rrn)
                .with(41, terminalId)
                .with(49, String.format("%03d", currency))
                .build();
    }

    private IsoMessage network(String code) {
        return IsoMessage.of("0800").with(7, TRANSMISSION.format(Instant.now())).with(11, String.format("%06d", nextStan()))
                .with(70, code);
    }

    private int nextStan() {
        return stan.updateAndGet(s -> s >= 999_999 ? 1 : s + 1);
    }

    public TerminalConnection connection() {
        return connection.orElseThrow(() -> new org.dtenge.cards.CardsException("an offline terminal sends nothing itself"));
    }
}
