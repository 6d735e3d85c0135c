package org.dtenge.cards.iso8583;

import java.util.Optional;

/** What a decoder made of some bytes: a message, or why they are not one. */
public sealed interface Decoded {
    record Valid(IsoMessage message) implements Decoded {}

    /**
     * @param mti the message type, when the first four bytes were readable as one: a gateway can then
     *            answer with a format error rather than close the connection
     */
    record Malformed(String reason, Optional<String> mti) implements Decoded {}
}
