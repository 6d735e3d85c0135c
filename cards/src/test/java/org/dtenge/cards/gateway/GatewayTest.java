package org.dtenge.cards.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dtenge.cards.CardsFixture;
import org.dtenge.cards.iso8583.IsoMessage;
import org.dtenge.cards.iso8583.MessageCodec;
import org.dtenge.cards.terminal.Terminal;
import org.dtenge.cards.terminal.TerminalConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every message type and response code of the gateway, over a real TCP connection to a real node. */
class GatewayTest {
    private static final int KZT = 398;

    @TempDir
    static Path dir;
    static CardsFixture f;
    static Terminal pos;
    static Terminal atm;
    static Terminal web;

    @BeforeAll
    static void start() throws Exception {
        f = CardsFixture.start(dir, 600);
        pos = f.terminal(Terminal.Kind.POS, "POS00001");
        atm = f.terminal(Terminal.Kind.ATM, "ATM00001");
        web = f.terminal(Terminal.Kind.ONLINE, "WEB00001");
    }

    @AfterAll
    static void stop() {
        pos.connection().close();
        atm.connection().close();
        web.connection().close();
        f.close();
    }

    /** The gateway's answer to raw bytes; it must have answered. */
    private static IsoMessage answer(java.util.Optional<byte[]> bytes) {
        return ((org.dtenge.cards.iso8583.Decoded.Valid) MessageCodec.iso87Ascii().decode(bytes.orElseThrow())).message();
    }

    private static String code(IsoMessage response) {
        return response.field(39).orElseThrow();
    }

    @Test
    void signOnAndEchoAreAnswered() {
        IsoMessage signOn = pos.signOn();
        assertThat(signOn.mti()).isEqualTo("0810");
        assertThat(code(signOn)).isEqualTo("00");
        assertThat(signOn.field(70)).contains("001");
        IsoMessage echo = pos.echo();
        assertThat(echo.mti()).isEqualTo("0810");
        assertThat(echo.field(70)).contains("301");
    }

    @Test
    void moovIoSampleMessagesGetAnswers() throws Exception {
        java.nio.file.Path vectors = java.nio.file.Path.of(System.getProperty("shared.dir", "../testdata"), "vectors", "iso8583");
        MessageCodec codec = MessageCodec.iso87Ascii();
        try (TerminalConnection connection = new TerminalConnection("127.0.0.1", f.gatewayPort)) {
            byte[] signOn = java.nio.file.Files.readAllBytes(vectors.resolve("network_management_message.dat"));
            IsoMessage answer = answer(connection.exchangeRaw(signOn));
            assertThat(answer.mti()).isEqualTo("0810");
            assertThat(code(answer)).isEqualTo("00");
            // moov-io's 0200 and 0400 carry no MAC of our key: refused as a security violation, nothing moves.
            byte[] financial = java.nio.file.Files.readAllBytes(vectors.resolve("financial_transaction_message.dat"));
            answer = answer(connection.exchangeRaw(financial));
            assertThat(answer.mti()).isEqualTo("0210");
            assertThat(code(answer)).isEqualTo("63");
            byte[] reversal = java.nio.file.Files.readAllBytes(vectors.resolve("iso_reversal_message.dat"));
            answer = answer(connection.exchangeRaw(reversal));
            assertThat(answer.mti()).isEqualTo("0410");
            assertThat(code(answer)).isEqualTo("63");
            // Sealed with the key, the same 0200 is read: it has no PAN (DE 2), a format error.
            IsoMessage sample = ((org.dtenge.cards.iso8583.Decoded.Valid) codec.decode(financial)).message();
            answer = ((org.dtenge.cards.iso8583.Decoded.Valid) codec.decode(connection.exchangeRaw(
                    f.mac().seal(codec, sample)).orElseThrow())).message();
            assertThat(code(answer)).isEqualTo("30");
        }
    }

    @Test
    void messagesThatMoveMoneyNeedTheAcquirersMac() {
        CardsFixture.Issued card = f.card("1000.00");
        MessageCodec codec = MessageCodec.iso87Ascii();
        IsoMessage purchase = pos.financial("0200", card.pan(), 10_000, KZT, pos.newRrn());
        try (TerminalConnection connection = new TerminalConnection("127.0.0.1", f.gatewayPort)) {
            assertThat(code(connection.exchange(purchase))).as("no MAC").isEqualTo("63");
            assertThat(code(connection.exchange(purchase.with(64, "0123456789ABCDEF")))).as("a wrong MAC").isEqualTo("63");
            byte[] sealed = f.mac().seal(codec, purchase);
            byte[] tampered = sealed.clone();
            int amount = 4 + 16 + 2 + card.pan().length() + 6; // MTI, bitmap, DE 2 (LL), DE 3: then DE 4, 12 digits
            assertThat(new String(sealed, amount, 12, StandardCharsets.US_ASCII)).isEqualTo("000000010000");
            tampered[amount + 6] = '9'; // 100.00 becomes 900100.00 after sealing
            IsoMessage refused = ((org.dtenge.cards.iso8583.Decoded.Valid) codec.decode(connection.exchangeRaw(tampered)
                    .orElseThrow())).message();
            assertThat(code(refused)).as("changed after sealing").isEqualTo("63");
            byte[] otherKey = new byte[32];
            assertThat(code(((org.dtenge.cards.iso8583.Decoded.Valid) codec.decode(connection.exchangeRaw(
                    new MessageMac(otherKey).seal(codec, purchase)).orElseThrow())).message())).as("another key").isEqualTo("63");
            assertThat(f.wallet(card.wallet())).containsEntry("balance", "1000.00");
            IsoMessage paid = ((org.dtenge.cards.iso8583.Decoded.Valid) codec.decode(connection.exchangeRaw(sealed).orElseThrow()))
                    .message();
            assertThat(code(paid)).isEqualTo("00");
            assertThat(code(connection.exchange(IsoMessage.of("0800").with(11, "000001").with(70, "301"))))
                    .as("network management needs no MAC").isEqualTo("00");
        }
        assertThat(f.wallet(card.wallet())).containsEntry("balance", "900.00");
    }

    @Test
    void aPurchaseMovesMoneyToTheBanksSettlementAccountOnceEvenWhenRepeated() {
        CardsFixture.Issued card = f.card("20000.00");
        IsoMessage request = pos.financial("0200", card.pan(), 150_000, KZT, pos.newRrn());
        IsoMessage first = pos.send(request);
        assertThat(first.mti()).isEqualTo("0210");
        assertThat(code(first)).isEqualTo("00");
        assertThat(first.field(38)).isPresent();
        assertThat(first.field(37)).isEqualTo(request.field(37));
        IsoMessage repeat = pos.send(request);
        assertThat(code(repeat)).isEqualTo("00");
        assertThat(repeat.field(38)).isEqualTo(first.field(38));
        assertThat(f.wallet(card.wallet())).containsEntry("balance", "18500.00");
    }

    @Test
    void theSameAuthorizationSentAtOnceOverManyConnectionsHoldsOnce() throws Exception {
        CardsFixture.Issued card = f.card("20000.00");
        IsoMessage request = pos.financial("0100", card.pan(), 400_000, KZT, pos.newRrn());
        java.util.List<java.util.concurrent.Future<IsoMessage>> answers = new java.util.ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                answers.add(threads.submit(() -> {
                    try (TerminalConnection connection = new TerminalConnection("127.0.0.1", f.gatewayPort)) {
                        return f.terminal(connection, Terminal.Kind.POS, "POS00001", "398").send(request);
                    }
                }));
            }
        }
        java.util.Set<String> approvals = new java.util.HashSet<>();
        for (var answer : answers) {
            assertThat(code(answer.get())).isEqualTo("00");
            approvals.add(answer.get().field(38).orElseThrow());
        }
        assertThat(approvals).hasSize(1);
        assertThat(f.wallet(card.wallet())).containsEntry("held", "4000.00").containsEntry("balance", "20000.00");
    }

    @Test
    void theSameTransactionWithAnotherAmountIsADuplicateTransmission() {
        CardsFixture.Issued card = f.card("20000.00");
        String rrn = pos.newRrn();
        assertThat(code(pos.pay(card.pan(), 10_000, KZT, rrn))).isEqualTo("00");
        assertThat(code(pos.pay(card.pan(), 20_000, KZT, rrn))).isEqualTo("94");
        assertThat(f.wallet(card.wallet())).containsEntry("balance", "19900.00");
    }

    @Test
    void anAuthorizationHoldsAndAPartialCompletionPostsLess() {
        CardsFixture.Issued card = f.card("20000.00");
        String rrn = pos.newRrn();
        IsoMessage held = pos.authorize(card.pan(), 300_000, KZT, rrn);
        assertThat(held.mti()).isEqualTo("0110");
        assertThat(code(held)).isEqualTo("00");
        assertThat(f.wallet(card.wallet())).containsEntry("balance", "20000.00").containsEntry("held", "3000.00")
                .containsEntry("available", "17000.00");
        IsoMessage completed = pos.complete(card.pan(), 250_000, KZT, rrn);
        assertThat(completed.mti()).isEqualTo("0230");
        assertThat(code(completed)).isEqualTo("00");
        assertThat(f.wallet(card.wallet())).containsEntry("balance", "17500.00").containsEntry("held", "0.00");
        assertThat(code(pos.complete(card.pan(), 250_000, KZT, rrn))).as("the advice again").isEqualTo("00");
        IsoMessage repeat = pos.send(pos.financial("0221", card.pan(), 250_000, KZT, rrn));
        assertThat(repeat.mti()).isEqualTo("0230");
        assertThat(code(repeat)).as("marked as a repeat").isEqualTo("00");
        assertThat(f.wallet(card.wallet())).containsEntry("balance", "17500.00");
    }

    @Test
    void theSameRrnAtAnotherTerminalIsAnotherTransaction() {
        CardsFixture.Issued card = f.card("20000.00");
        String rrn = pos.newRrn();
        assertThat(code(pos.authorize(card.pan(), 100_000, KZT, rrn))).isEqualTo("00");
        try (TerminalConnection connection = new TerminalConnection("127.0.0.1", f.gatewayPort)) {
            Terminal other = f.terminal(connection, Terminal.Kind.POS, "POS00002", "398");
            assertThat(code(other.complete(card.pan(), 100_000, KZT, rrn))).isEqualTo("25");
            assertThat(code(other.reverse(card.pan(), 100_000, KZT, rrn, false))).isEqualTo("25");
        }
        assertThat(code(pos.complete(card.pan(), 100_000, KZT, rrn))).isEqualTo("00");
    }

    @Test
    void aFullCompletionPostsTheWholeHold() {
        CardsFixture.Issued card = f.card("20000.00");
        String rrn = pos.newRrn();
        assertThat(code(pos.authorize(card.pan(), 120_000, KZT, rrn))).isEqualTo("00");
        assertThat(code(pos.complete(card.pan(), 120_000, KZT, rrn))).isEqualTo("00");
        assertThat(f.wallet(card.wallet())).containsEntry("balance", "18800.00").containsEntry("held", "0.00");
    }

    @Test
    void aCompletionAboveTheHoldIsAnInvalidAmountAndWithoutAHoldTheOriginalIsNotFound() {
        CardsFixture.Issued card = f.card("20000.00");
        String rrn = pos.newRrn();
        assertThat(code(pos.authorize(card.pan(), 100_000, KZT, rrn))).isEqualTo("00");
        assertThat(code(pos.complete(card.pan(), 100_001, KZT, rrn))).isEqualTo("13");
        assertThat(code(pos.complete(card.pan(), 100_000, KZT, pos.newRrn()))).isEqualTo("25");
        assertThat(f.wallet(card.wallet())).containsEntry("balance", "20000.00").containsEntry("held", "1000.00");
    }

    @Test
    void reversingAHoldReleasesItAndARepeatedReversalChangesNothing() {
        CardsFixture.Issued card = f.card("20000.00");
        String rrn = pos.newRrn();
        assertThat(code(pos.authorize(card.pan(), 500_000, KZT, rrn))).isEqualTo("00");
        IsoMessage reversed = pos.reverse(card.pan(), 500_000, KZT, rrn, false);
        assertThat(reversed.mti()).isEqualTo("0410");
        assertThat(code(reversed)).isEqualTo("00");
        assertThat(f.wallet(card.wallet())).containsEntry("balance", "20000.00").containsEntry("held", "0.00");
        IsoMessage advice = pos.reverse(card.pan(), 500_000, KZT, rrn, true);
        assertThat(advice.mti()).isEqualTo("0430");
        assertThat(code(advice)).isEqualTo("00");
        IsoMessage repeatedAdvice = pos.send(pos.financial("0421", card.pan(), 500_000, KZT, rrn));
        assertThat(repeatedAdvice.mti()).isEqualTo("0430");
        assertThat(code(repeatedAdvice)).isEqualTo("00");
        assertThat(code(pos.complete(card.pan(), 500_000, KZT, rrn))).as("nothing left to complete").isEqualTo("25");
        assertThat(f.wallet(card.wallet())).containsEntry("balance", "20000.00");
    }

    @Test
    void reversingAPurchaseRefundsItOnce() {
        CardsFixture.Issued card = f.card("20000.00");
        String rrn = pos.newRrn();
        assertThat(code(pos.pay(card.pan(), 700_000, KZT, rrn))).isEqualTo("00");
        assertThat(f.wallet(card.wallet())).containsEntry("balance", "13000.00");
        assertThat(code(pos.reverse(card.pan(), 700_000, KZT, rrn, false))).isEqualTo("00");
        assertThat(code(pos.reverse(card.pan(), 700_000, KZT, rrn, true))).isEqualTo("00");
        assertThat(f.wallet(card.wallet())).containsEntry("balance", "20000.00");
    }

    @Test
    void aReversalWithoutAnOriginalIsOriginalNotFound() {
        CardsFixture.Issued card = f.card("20000.00");
        assertThat(code(pos.reverse(card.pan(), 100, KZT, pos.newRrn(), false))).isEqualTo("25");
    }

    @Test
    void refusalsHaveTheirResponseCodesAndMoveNothing() {
        CardsFixture.Issued card = f.card("100.00");
        assertThat(code(pos.pay(card.pan(), 50_000, KZT, pos.newRrn()))).as("insufficient funds").isEqualTo("51");
        assertThat(code(pos.pay(card.pan(), 1_000_001, KZT, pos.newRrn()))).as("over the card's purchase limit").isEqualTo("61");
        assertThat(code(pos.pay(card.pan(), 0, KZT, pos.newRrn()))).as("zero").isEqualTo("13");
        assertThat(code(pos.pay("4242424242424241", 100, KZT, pos.newRrn()))).as("Luhn-invalid").isEqualTo("14");
        assertThat(code(pos.pay(CardsFixture.newPan(), 100, KZT, pos.newRrn()))).as("no such card").isEqualTo("14");
        IsoMessage cashAtAShop = pos.send(pos.financial("0200", card.pan(), 100, KZT, pos.newRrn()).with(3, "010000"));
        assertThat(code(cashAtAShop)).as("cash at a shop's terminal").isEqualTo("58");
        IsoMessage wrongExpiry = pos.send(pos.financial("0200", card.pan(), 100, KZT, pos.newRrn()).with(14, "2911"));
        assertThat(code(wrongExpiry)).as("the card expires 2030-12, not 2029-11").isEqualTo("14");
        IsoMessage badExpiry = pos.send(pos.financial("0200", card.pan(), 100, KZT, pos.newRrn()).with(14, "3013"));
        assertThat(code(badExpiry)).as("month 13").isEqualTo("30");
        assertThat(code(pos.send(pos.financial("0200", card.pan(), 100, KZT, pos.newRrn()).with(14, "3012")))).isEqualTo("00");
        IsoMessage inquiry = pos.send(pos.financial("0200", card.pan(), 100, KZT, pos.newRrn()).with(3, "310000"));
        assertThat(code(inquiry)).as("a processing code the gateway does not do").isEqualTo("12");
        assertThat(f.wallet(card.wallet())).as("only the purchase with the right expiry moved money")
                .containsEntry("balance", "99.00").containsEntry("held", "0.00");
    }

    @Test
    void expiredBlockedAndLostCardsAreRefused() {
        String wallet = f.wallet("anonymous", "1000.00");
        String expired = CardsFixture.newPan();
        assertThat(f.issue(expired, wallet, "2020-01", "1000.00", "1000.00", List.of("IN_STORE")).status()).isEqualTo(201);
        assertThat(code(pos.pay(expired, 100, KZT, pos.newRrn()))).isEqualTo("54");
        CardsFixture.Issued blocked = f.card("1000.00");
        IsoMessage before = pos.financial("0200", blocked.pan(), 100, KZT, pos.newRrn());
        assertThat(code(pos.send(before))).isEqualTo("00");
        assertThat(f.halyk.post("/v1/cards/" + blocked.id() + "/status", Map.of("status", "BLOCKED")).status()).isEqualTo(200);
        assertThat(code(pos.pay(blocked.pan(), 100, KZT, pos.newRrn()))).isEqualTo("62");
        assertThat(code(pos.send(before))).as("a repeat of a purchase made before the block").isEqualTo("00");
        assertThat(f.halyk.post("/v1/cards/" + blocked.id() + "/status", Map.of("status", "LOST")).status()).isEqualTo(200);
        assertThat(code(pos.pay(blocked.pan(), 100, KZT, pos.newRrn()))).isEqualTo("41");
        assertThat(f.halyk.post("/v1/cards/" + blocked.id() + "/status", Map.of("status", "ACTIVE")).status()).isEqualTo(200);
        assertThat(code(pos.pay(blocked.pan(), 100, KZT, pos.newRrn()))).isEqualTo("00");
    }

    @Test
    void channelsACardDoesNotAllowAreNotPermitted() {
        String wallet = f.wallet("anonymous", "1000.00");
        String shopOnly = CardsFixture.newPan();
        assertThat(f.issue(shopOnly, wallet, "2030-12", "1000.00", "1000.00", List.of("IN_STORE")).status()).isEqualTo(201);
        assertThat(code(web.pay(shopOnly, 100, KZT, web.newRrn()))).as("online").isEqualTo("57");
        assertThat(code(atm.pay(shopOnly, 100, KZT, atm.newRrn()))).as("ATM").isEqualTo("57");
        try (TerminalConnection connection = new TerminalConnection("127.0.0.1", f.gatewayPort)) {
            Terminal abroad = f.terminal(connection, Terminal.Kind.POS, "POSUSA01", "840");
            assertThat(code(abroad.pay(shopOnly, 100, KZT, abroad.newRrn()))).as("abroad").isEqualTo("57");
        }
        assertThat(code(pos.pay(shopOnly, 100, KZT, pos.newRrn()))).as("in a shop at home").isEqualTo("00");
    }

    @Test
    void theAtmDailyCashLimitCountsWithdrawalsAndReversalsGiveItBack() {
        CardsFixture.Issued card = f.card("20000.00");
        String first = atm.newRrn();
        assertThat(code(atm.pay(card.pan(), 300_000, KZT, first))).isEqualTo("00");
        assertThat(code(atm.pay(card.pan(), 250_000, KZT, atm.newRrn()))).as("3000 + 2500 > 5000 a day").isEqualTo("61");
        assertThat(code(atm.reverse(card.pan(), 300_000, KZT, first, false))).isEqualTo("00");
        String second = atm.newRrn();
        assertThat(code(atm.pay(card.pan(), 250_000, KZT, second))).isEqualTo("00");
        assertThat(code(atm.pay(card.pan(), 250_000, KZT, second))).as("its repeat, though the allowance is used up now")
                .isEqualTo("00");
        assertThat(code(atm.pay(card.pan(), 240_000, KZT, second))).as("the same transaction with another amount")
                .isEqualTo("94");
        assertThat(f.wallet(card.wallet())).containsEntry("balance", "17500.00");
    }

    @Test
    void aCashAuthorizationCompletedForLessUsesOnlyWhatWasDispensed() {
        CardsFixture.Issued card = f.card("20000.00");
        String rrn = atm.newRrn();
        assertThat(code(atm.authorize(card.pan(), 400_000, KZT, rrn))).isEqualTo("00");
        assertThat(code(atm.complete(card.pan(), 100_000, KZT, rrn))).isEqualTo("00");
        assertThat(code(atm.pay(card.pan(), 400_000, KZT, atm.newRrn()))).as("1000 + 4000 fit in 5000").isEqualTo("00");
        assertThat(code(atm.pay(card.pan(), 1, KZT, atm.newRrn()))).isEqualTo("61");
        assertThat(f.wallet(card.wallet())).containsEntry("balance", "15000.00").containsEntry("held", "0.00");
    }

    @Test
    void abroadTheBanksRateAndFeeApplyAndTheHistoryShowsBothAmounts() throws Exception {
        assertThat(f.halyk.post("/v1/cards/rates", Map.of("currency", "840", "rate", "500.00", "feeBasisPoints", 100)).status())
                .isEqualTo(200);
        CardsFixture.Issued card = f.card("20000.00");
        try (TerminalConnection connection = new TerminalConnection("127.0.0.1", f.gatewayPort)) {
            Terminal newYork = f.terminal(connection, Terminal.Kind.POS, "POSNYC01", "840");
            IsoMessage first = newYork.financial("0200", card.pan(), 1_000, 840, newYork.newRrn());
            assertThat(code(newYork.send(first))).isEqualTo("00");
            assertThat(code(newYork.pay(card.pan(), 1_000, 978, newYork.newRrn()))).as("no EUR rate").isEqualTo("57");
            // The bank changes its rate; a repeat of the first purchase is still the same purchase, at the old price.
            assertThat(f.halyk.post("/v1/cards/rates", Map.of("currency", "840", "rate", "510.00", "feeBasisPoints", 100))
                    .status()).isEqualTo(200);
            assertThat(code(newYork.send(first))).isEqualTo("00");
        }
        // USD 10.00 at 500 tenge = 5,000.00, and a 1% fee of 50.00
        assertThat(f.wallet(card.wallet())).containsEntry("balance", "14950.00");
        String reference = "";
        for (int i = 0; i < 100 && reference.isEmpty(); i++) {
            var history = f.halyk.get("/v1/wallets/" + card.wallet() + "/history?limit=5").json().get("items");
            for (var item : history) {
                if (item.get("amount").asText().equals("5050.00")) {
                    reference = item.get("reference").asText();
                }
            }
            Thread.sleep(20);
        }
        assertThat(reference).isEqualTo("USD 10.00");
        var statement = f.halyk.get("/v1/cards/" + card.id() + "/transactions").json();
        assertThat(statement).hasSize(1);
        assertThat(statement.get(0).get("operation").asText()).isEqualTo("PURCHASE");
        assertThat(statement.get(0).get("amount").asText()).isEqualTo("5050.00");
        assertThat(statement.get(0).get("fee").asText()).isEqualTo("50.00");
        assertThat(statement.get(0).get("currency").asText()).isEqualTo("840");
        assertThat(statement.get(0).get("currencyAmount").asText()).isEqualTo("10.00");
        assertThat(f.node.as("bcc").get("/v1/cards/" + card.id() + "/transactions").status()).isEqualTo(403);
    }

    @Test
    void malformedInputIsAFormatErrorOrAClosedConnectionAndChangesNothing() {
        CardsFixture.Issued card = f.card("1000.00");
        try (TerminalConnection connection = new TerminalConnection("127.0.0.1", f.gatewayPort)) {
            Terminal terminal = f.terminal(connection, Terminal.Kind.POS, "POSBAD01", "398");
            IsoMessage withoutAmount = terminal.financial("0200", card.pan(), 100, KZT, terminal.newRrn()).without(4);
            IsoMessage answer = terminal.send(withoutAmount);
            assertThat(answer.mti()).isEqualTo("0210");
            assertThat(code(answer)).isEqualTo("30");
            byte[] unparseable = "0200ZZZZ not a bitmap".getBytes(StandardCharsets.US_ASCII);
            IsoMessage formatError = ((org.dtenge.cards.iso8583.Decoded.Valid) MessageCodec.iso87Ascii()
                    .decode(connection.exchangeRaw(unparseable).orElseThrow())).message();
            assertThat(formatError.mti()).isEqualTo("0210");
            assertThat(code(formatError)).isEqualTo("30");
            IsoMessage unknownType = connection.exchange(IsoMessage.of("0300").with(11, "000001"));
            assertThat(unknownType.mti()).isEqualTo("0310");
            assertThat(code(unknownType)).isEqualTo("12");
            assertThat(connection.exchangeRaw(new byte[] {1, 2, 3})).as("no MTI: the connection is closed").isEmpty();
        }
        assertThat(f.wallet(card.wallet())).containsEntry("balance", "1000.00");
    }
}
