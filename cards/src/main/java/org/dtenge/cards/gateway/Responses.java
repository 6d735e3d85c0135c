package org.dtenge.cards.gateway;

import org.dtenge.cards.iso8583.IsoMessage;

/**
 * Responses keep the request's data elements (the acquirer matches on them) with DE 39 set; card
 * secrets that must not travel back (track data, PIN block, ICC data) and the request's MAC are dropped.
 */
public final class Responses {
    private static final int[] DROPPED = {35, 36, 45, 52, 55, 64, 128};

    private Responses() {}

    public static IsoMessage of(IsoMessage request, ResponseCode code) {
        return builder(request, code).build();
    }

    static IsoMessage approved(IsoMessage request, String approvalCode) {
        return builder(request, ResponseCode.APPROVED).with(38, approvalCode).build();
    }

    private static IsoMessage.Builder builder(IsoMessage request, ResponseCode code) {
        IsoMessage.Builder response = request.toBuilder(responseMti(request.mti()));
        for (int field : DROPPED) {
            response.without(field);
        }
        return response.with(39, code.code);
    }

    /** A format error for a message that could only be read as far as its MTI. */
    public static IsoMessage formatError(String mti) {
        return IsoMessage.of(responseMti(mti)).with(39, ResponseCode.FORMAT_ERROR.code);
    }

    /**
     * The response's MTI: the function digit (third) of a request, 0 or 2, goes up by one (0100 -> 0110),
     * and an acquirer's repeat (origin digit 1) is answered as its original (0421 -> 0430).
     */
    public static String responseMti(String mti) {
        char function = mti.charAt(2);
        char answered = function % 2 == 0 ? (char) (function + 1) : function;
        char origin = mti.charAt(3) == '1' ? '0' : mti.charAt(3);
        return mti.substring(0, 2) + answered + origin;
    }
}
