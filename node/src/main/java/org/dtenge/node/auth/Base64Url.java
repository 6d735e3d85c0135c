package org.dtenge.node.auth;

import java.util.Base64;
import java.util.Optional;

/** Base64url (RFC 4648 section 5) as the API writes keys and signatures: without padding; padding is accepted on input. */
public final class Base64Url {
    private Base64Url() {}

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The decoded bytes, or empty when {@code text} is not base64url. */
    public static Optional<byte[]> decode(String text) {
        try {
            return Optional.of(Base64.getUrlDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
