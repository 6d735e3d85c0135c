package org.dtenge.node;

/**
 * Every kind of error the node answers with, each with a stable type URI
 * ({@code https://dtenge.kz/problems/<slug>}, RFC 9457), an HTTP status and a short title. Clients
 * branch on the type; the detail of each answer says what exactly was wrong. Slugs never change
 * meaning: add new ones instead.
 */
public enum ProblemType {
    // The request itself.
    MALFORMED_JSON("malformed-json", 400, "The body is not valid JSON"),
    MALFORMED_BATCH("malformed-batch", 400, "The binary batch is not whole records"),
    UNKNOWN_FIELD("unknown-field", 400, "The body has a field this operation does not know"),
    WRONG_TYPE("wrong-type", 400, "A field has the wrong JSON type"),
    MISSING_FIELD("missing-field", 400, "A required field is missing"),
    INVALID_AMOUNT("invalid-amount", 400, "The amount is not a valid amount of tenge"),
    INVALID_ADDRESS("invalid-address", 400, "The wallet address is not valid"),
    INVALID_ID("invalid-id", 400, "The id is not a valid 128-bit id"),
    INVALID_KEY("invalid-key", 400, "The public key is not a valid Ed25519 key"),
    INVALID_FIELD("invalid-field", 400, "A field has a value outside what it allows"),
    INVALID_PARAMETER("invalid-parameter", 400, "A query or path parameter is not valid"),
    INVALID_PAYMENT_SIGNATURE("invalid-payment-signature", 400, "The payer's signature does not verify"),
    INVALID_QR("invalid-qr", 400, "The QR payload is not a valid EMV merchant-presented code"),
    TOO_MANY_ITEMS("too-many-items", 400, "The batch holds more items than allowed"),
    INVALID_CONDITION("invalid-condition", 400, "The program's CEL condition does not parse or type-check"),
    REQUEST_TOO_LARGE("request-too-large", 413, "The request body is larger than allowed"),

    // Authentication (401) and authorization (403).
    MISSING_CREDENTIALS("missing-credentials", 401, "The request is not signed"),
    UNKNOWN_PARTICIPANT("unknown-participant", 401, "The participant is not registered"),
    BAD_REQUEST_SIGNATURE("bad-request-signature", 401, "The request signature does not verify"),
    STALE_REQUEST("stale-request", 401, "The request timestamp is too far from the node's clock"),
    REPLAYED_REQUEST("replayed-request", 401, "The request nonce was used before"),
    INVALID_SESSION("invalid-session", 401, "The session is unknown, has expired, or its signature does not verify"),
    ROLE_NOT_PERMITTED("role-not-permitted", 403, "The participant's role may not do this"),
    SESSION_NOT_ALLOWED("session-not-allowed", 403, "This operation needs the participant's own key, not a session"),
    ACCOUNT_NOT_SERVICED("account-not-serviced", 403, "The participant does not service this account"),

    // Things that are not there.
    NOT_FOUND("not-found", 404, "No such resource"),
    ACCOUNT_NOT_FOUND("account-not-found", 404, "No such account"),
    PAYMENT_NOT_FOUND("payment-not-found", 404, "No such payment"),
    PARTICIPANT_NOT_FOUND("participant-not-found", 404, "No such participant"),
    PROGRAM_NOT_FOUND("program-not-found", 404, "No such program"),

    // Business outcomes: the request was understood and refused.
    PARTICIPANT_EXISTS("participant-exists", 409, "A participant with this id or code exists with other details"),
    ID_CONFLICT("id-conflict", 409, "The id was used before for something else"),
    ACCOUNT_FROZEN("account-frozen", 409, "An account of the transfer is frozen"),
    ACCOUNT_CLOSED("account-closed", 409, "An account of the transfer is closed"),
    ALREADY_FROZEN("already-frozen", 409, "The account is already frozen"),
    NOT_FROZEN("not-frozen", 409, "The account is not frozen"),
    BALANCE_CHANGED("balance-changed", 409, "The balance changed while the account was being closed"),
    INSUFFICIENT_FUNDS("insufficient-funds", 422, "The payer's available balance is too low"),
    PAYMENT_LIMIT_EXCEEDED("payment-limit-exceeded", 422, "The amount is above the payer's per-payment limit"),
    DAILY_LIMIT_EXCEEDED("daily-limit-exceeded", 422, "The payment would take the payer over its daily limit"),
    HOLDING_LIMIT_EXCEEDED("holding-limit-exceeded", 422, "The balance would be above the account's holding limit"),
    PAYMENT_EXPIRED("payment-expired", 422, "The payment order has expired"),
    NOT_PERMITTED("not-permitted", 422, "The operation is not allowed on these accounts"),
    LEDGER_REJECTED("ledger-rejected", 422, "The ledger refused the event"),
    PROGRAM_DECLINED("program-declined", 422, "A program on one of the accounts declined the payment"),
    IMPLAUSIBLE_STEPS("implausible-steps", 422, "The step count is above what the program accepts as plausible"),
    PROGRAM_STATUS_CONFLICT("program-status-conflict", 409, "The program's status does not allow this"),

    // The node.
    BUSY("busy", 503, "The node is at capacity; retry after the delay given"),
    UNAVAILABLE("unavailable", 503, "The node is stopping or has stopped accepting work"),
    OUTCOME_UNKNOWN("outcome-unknown", 504, "No answer in time; repeat the request with the same id"),
    INTERNAL("internal", 500, "The node failed; the operator has the details"),
    CONFIGURATION("configuration", 500, "The node's configuration or data directory is not usable");

    public static final String BASE = "https://dtenge.kz/problems/";

    public final String slug;
    public final int status;
    public final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return BASE + slug;
    }
}
