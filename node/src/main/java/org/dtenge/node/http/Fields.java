package org.dtenge.node.http;

import java.util.Optional;
import org.dtenge.ledger.AccountKind;
import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.node.auth.Base64Url;
import org.dtenge.node.auth.Signatures;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.money.Tenge;
import org.dtenge.node.money.TransferId;
import org.dtenge.node.money.WalletAddress;
import org.dtenge.node.payment.Reference;

/** Turns the fields of request bodies and paths into the node's types, or into a specific 400. */
public final class Fields {
    private Fields() {}

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw NodeException.of(ProblemType.MISSING_FIELD, "field \"" + field + "\" is required");
        }
        return value;
    }

    public static long amount(String text, String field) {
        // instanceof rather than a pattern switch: the switch's type-test bootstrap cost more than the parse
        Tenge.Parsed parsed = Tenge.parse(required(text, field));
        if (parsed instanceof Tenge.Parsed.Valid valid) {
            return valid.tiyn();
        }
        throw NodeException.of(ProblemType.INVALID_AMOUNT, field + ": " + ((Tenge.Parsed.Invalid) parsed).reason());
    }

    public static AccountId address(String text, String field) {
        WalletAddress.Parsed parsed = WalletAddress.parse(required(text, field));
        if (parsed instanceof WalletAddress.Parsed.Valid valid) {
            return valid.id();
        }
        throw NodeException.of(ProblemType.INVALID_ADDRESS, field + ": " + ((WalletAddress.Parsed.Invalid) parsed).reason());
    }

    public static TransferId transferId(String text, String field) {
        return TransferId.parse(required(text, field)).orElseThrow(() -> NodeException.of(ProblemType.INVALID_ID,
                field + " must be 32 hex digits (128 bits, not all zero), not \"" + text + "\""));
    }

    public static byte[] publicKey(String text, String field) {
        byte[] key = Base64Url.decode(required(text, field)).orElseThrow(() -> NodeException.of(ProblemType.INVALID_KEY,
                field + " must be base64url"));
        if (key.length != 32 || !Signatures.isValidPublicKey(key)) {
            throw NodeException.of(ProblemType.INVALID_KEY, field + " must be a 32-byte Ed25519 public key (base64url), "
                    + "not " + key.length + " bytes" + (key.length == 32 ? " off the curve" : ""));
        }
        return key;
    }

    static byte[] signature(String text, String field) {
        byte[] signature = Base64Url.decode(required(text, field)).orElseThrow(() -> NodeException.of(
                ProblemType.INVALID_PAYMENT_SIGNATURE, field + " must be base64url"));
        if (signature.length != 64) {
            throw NodeException.of(ProblemType.INVALID_PAYMENT_SIGNATURE, field + " must be a 64-byte Ed25519 signature, not "
                    + signature.length + " bytes");
        }
        return signature;
    }

    static Reference reference(Optional<String> text) {
        return text.map(t -> Reference.of(t).orElseThrow(() -> NodeException.of(ProblemType.INVALID_FIELD,
                "reference must be at most 16 printable ASCII characters, not \"" + t + "\""))).orElse(Reference.NONE);
    }

    static int purpose(Optional<Integer> purpose) {
        int value = purpose.orElse(0);
        if (value < 0) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "purpose must be 0 or a positive code, not " + value);
        }
        return value;
    }

    static AccountKind walletKind(String text) {
        return switch (required(text, "kind")) {
            case "retail" -> AccountKind.RETAIL;
            case "merchant" -> AccountKind.MERCHANT;
            default -> throw NodeException.of(ProblemType.INVALID_FIELD, "kind must be \"retail\" or \"merchant\", not \"" + text + "\"");
        };
    }

    static int positiveInt(Optional<String> text, String name, int fallback, int max) {
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw NodeException.of(ProblemType.INVALID_PARAMETER, name + " must be a whole number from 1 to " + max + ", not \""
                + text.get() + "\"");
    }
}
