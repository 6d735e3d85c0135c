package org.dtenge.cards.onay;

import java.util.Optional;

/** The kinds of route an Onay fare table prices. Codes are in the journal and never change meaning. */
public enum RouteType {
    BUS(1),
    TROLLEYBUS(2),
    METRO(3),
    BRT(4),
    SUBURBAN(5);

    public final int code;

    RouteType(int code) {
        this.code = code;
    }

    public static Optional<RouteType> ofCode(int code) {
        for (RouteType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
