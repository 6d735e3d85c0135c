package org.dtenge.cards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dtenge.cards.card.KeyFile;
import org.dtenge.cards.card.CardRegistry;
import org.dtenge.cards.cash.CashReport;
import org.dtenge.cards.card.Cards;
import org.dtenge.cards.card.PanHasher;
import org.dtenge.cards.fx.RateTable;
import org.dtenge.cards.fx.Rates;
import org.dtenge.cards.gateway.Authorizer;
import org.dtenge.cards.gateway.CardActivity;
import org.dtenge.cards.gateway.GatewayServer;
import org.dtenge.cards.gateway.MessageMac;
import org.dtenge.cards.gateway.Moves;
import org.dtenge.cards.http.CardEndpoints;
import org.dtenge.cards.http.OnayEndpoints;
import org.dtenge.cards.onay.FareTable;
import org.dtenge.cards.onay.Validators;
import org.dtenge.node.extension.NodeContext;
import org.dtenge.node.extension.NodeExtension;
import org.dtenge.node.http.ExtensionRoute;

/**
 * Cards inside the node: rebuilds the card registry from the journal, starts the ISO 8583 gateway and
 * adds the banks' card routes. Settings (system property {@code dtenge.<key>} or {@code DTENGE_<KEY>}):
 * {@code cards.port} (8583; 0 picks a free one), {@code cards.host} (the node's host),
 * {@code cards.hold-timeout-seconds} (604800: an authorization holds for seven days),
 * {@code cards.require-mac} (true: money-moving messages need the MAC of {@code cards-mac.key}). The port
 * in use is written to {@code cards.port} in the data directory, where the terminal finds it, as it finds
 * the MAC key.
 */
public final class CardsExtension implements NodeExtension {
    public static final String PORT_FILE = "cards.port";
    /** The acquirers' MAC key (shared with them out of band); the terminal reads it from here. */
    public static final String MAC_KEY_FILE = "cards-mac.key";

    @Override
    public String name() {
        return "cards";
    }

    @Override
    public Running start(NodeContext context) {
        PanHasher hasher = PanHasher.openOrCreate(context.dataDir());
        CardRegistry registry = new CardRegistry();
        RateTable rateTable = new RateTable();
        CardActivity activity = new CardActivity();
        FareTable fareTable = new FareTable();
        CardsJournal.rebuild(context.journal(), registry, rateTable, activity, fareTable);
        int holdTimeout = integer(context, "cards.hold-timeout-seconds", 7 * 24 * 3600);
        Moves moves = new Moves(context.gate(), context.registry(), activity, holdTimeout);
        Authorizer authorizer = new Authorizer(registry, hasher, rateTable, activity, moves, InstantSource.system());
        // Secure by default: only acquirers holding cards-mac.key can move money; off only when asked for.
        boolean requireMac = !context.setting("cards.require-mac").orElse("true").equals("false");
        Optional<MessageMac> mac = requireMac ? Optional.of(new MessageMac(KeyFile.openOrCreate(context.dataDir(), MAC_KEY_FILE)))
                : Optional.empty();
        GatewayServer gateway = GatewayServer.start(context.setting("cards.host").orElse(context.config().host()),
                integer(context, "cards.port", 8583), authorizer, mac);
        try {
            Files.writeString(context.dataDir().resolve(PORT_FILE), Integer.toString(gateway.port()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            gateway.close();
            throw new CardsException("cannot write " + PORT_FILE + " in " + context.dataDir() + ": " + e.getMessage(), e);
        }
        System.out.println("dtenge cards: ISO 8583 gateway listening on " + context.setting("cards.host")
                .orElse(context.config().host()) + ":" + gateway.port());
        Cards cards = new Cards(context.gate(), context.services().access(), registry, hasher);
        Rates rates = new Rates(context.gate(), rateTable);
        Validators validators = new Validators(context.gate(), context.services().access(), registry, hasher, fareTable);
        List<ExtensionRoute> routes = new ArrayList<>(new CardEndpoints(cards, rates, activity, context.gate()).routes());
        routes.addAll(new OnayEndpoints(validators, new CashReport(context.services().queries())).routes());
        return new Running(routes, gateway::close, openApi());
    }

    /** The OpenAPI document of the card routes, which the node merges into its /openapi.yaml. */
    private static String openApi() {
        try (var in = CardsExtension.class.getResourceAsStream("/org/dtenge/cards/openapi.yaml")) {
            if (in == null) {
                throw new CardsException("org/dtenge/cards/openapi.yaml is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CardsException("cannot read the cards' OpenAPI document: " + e.getMessage(), e);
        }
    }

    private static int integer(NodeContext context, String key, int fallback) {
        String text = context.setting(key).orElse(Integer.toString(fallback));
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new CardsException(key + " must be a whole number, not \"" + text + "\"");
        }
    }
}
