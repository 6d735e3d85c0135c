package org.dtenge.cards.onay;

import java.time.Instant;

/**
 * A validator's record of one tap, as uploaded (maybe hours later: validators work offline).
 *
 * @param sequence the validator's own counter: with the validator and the card it names the tap, so an
 *                 upload sent twice pays once
 */
public record Tap(String pan, RouteType routeType, Instant at, long sequence) {}
