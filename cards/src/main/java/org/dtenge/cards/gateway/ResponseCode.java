package org.dtenge.cards.gateway;

/** ISO 8583:1987 response codes (DE 39) the gateway answers with. */
public enum ResponseCode {
    APPROVED("00"),
    INVALID_TRANSACTION("12"),
    INVALID_AMOUNT("13"),
    INVALID_CARD("14"),
    ORIGINAL_NOT_FOUND("25"),
    FORMAT_ERROR("30"),
    LOST_CARD("41"),
    INSUFFICIENT_FUNDS("51"),
    EXPIRED_CARD("54"),
    NOT_PERMITTED_TO_CARDHOLDER("57"),
    NOT_PERMITTED_TO_TERMINAL("58"),
    EXCEEDS_LIMIT("61"),
    RESTRICTED_CARD("62"),
    SECURITY_VIOLATION("63"),
    DUPLICATE_TRANSMISSION("94"),
    SYSTEM_MALFUNCTION("96");

    public final String code;

    ResponseCode(String code) {
        this.code = code;
    }
}
