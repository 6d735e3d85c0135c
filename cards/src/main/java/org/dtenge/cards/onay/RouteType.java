package org.dtenge.cards.onay;

import java.util.Optional;

/**
 * The kinds of route an Onay fare table prices. Codes are in the journal and never change meaning. A
 * school canteen is priced like a route: its validator takes the meal's price, paid to the canteen's
 * wallet (in the pilot, Onay cards paid for school meals as well as rides).
 */
public enum RouteType {
    BUS(1, Validators.TRANSIT_PURPOSE),
    TROLLEYBUS(2, Validators.TRANSIT_PURPOSE),
    METRO(3, Validators.TRANSIT_PURPOSE),
    BRT(4, Validators.TRANSIT_PURPOSE),
    SUBURBAN(5, Validators.TRANSIT_PURPOSE),
    SCHOOL_CANTEEN(6, Validators.CANTEEN_PURPOSE);

    public final int code;
    /** The purpose code a tap's transfer carries (its merchant category). */
    public final int purpose;

    RouteType(int code, int purpose) {
        this.code = code;
        this.purpose = purpose;
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
