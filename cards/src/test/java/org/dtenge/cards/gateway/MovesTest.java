package org.dtenge.cards.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.dtenge.ledger.Result;
import org.junit.jupiter.api.Test;

/** Every ledger result has a response code; what the gateway cannot explain is a system malfunction (96). */
class MovesTest {
    @Test
    void ledgerResultsMapToResponseCodes() {
        assertThat(Moves.code(Result.EXISTS)).isEqualTo(ResponseCode.APPROVED);
        assertThat(Moves.code(Result.EXISTS_WITH_DIFFERENT_FIELDS)).isEqualTo(ResponseCode.DUPLICATE_TRANSMISSION);
        assertThat(Moves.code(Result.INSUFFICIENT_FUNDS)).isEqualTo(ResponseCode.INSUFFICIENT_FUNDS);
        assertThat(Moves.code(Result.DAILY_LIMIT_EXCEEDED)).isEqualTo(ResponseCode.EXCEEDS_LIMIT);
        assertThat(Moves.code(Result.PAYMENT_LIMIT_EXCEEDED)).isEqualTo(ResponseCode.EXCEEDS_LIMIT);
        assertThat(Moves.code(Result.DEBIT_ACCOUNT_FROZEN)).isEqualTo(ResponseCode.NOT_PERMITTED_TO_CARDHOLDER);
        assertThat(Moves.code(Result.PENDING_TRANSFER_EXPIRED)).isEqualTo(ResponseCode.ORIGINAL_NOT_FOUND);
        assertThat(Moves.code(Result.EXCEEDS_PENDING_AMOUNT)).isEqualTo(ResponseCode.INVALID_AMOUNT);
        assertThat(Moves.code(Result.HOLDING_LIMIT_EXCEEDED)).isEqualTo(ResponseCode.SYSTEM_MALFUNCTION);
        assertThat(Moves.code(Result.ASSET_MISMATCH)).isEqualTo(ResponseCode.SYSTEM_MALFUNCTION);
    }

    @Test
    void responseMtisFollowTheRequests() {
        assertThat(Responses.responseMti("0100")).isEqualTo("0110");
        assertThat(Responses.responseMti("0220")).isEqualTo("0230");
        assertThat(Responses.responseMti("0420")).isEqualTo("0430");
        assertThat(Responses.responseMti("0810")).isEqualTo("0810");
        assertThat(Responses.responseMti("0421")).isEqualTo("0430");
        assertThat(Responses.responseMti("0221")).isEqualTo("0230");
    }
}
