package org.dtenge.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.Ledger;
import org.dtenge.ledger.Result;
import org.dtenge.ledger.Transfer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** VAT by contract: 12 % inside tax-inclusive prices, to the budget account, reversed by refunds. */
class TaxSplitTest {
    private static final int VAT = 9;
    private static final long SRC = 10;
    private static final long BUYER = 20;
    private static final long MERCHANT = 30;
    private static final int TAX_PURPOSE = 1101;
    private static final int REFUND = 1102;
    private Book book;

    @BeforeEach
    void setUp() {
        book = new Book();
        book.deploy(VAT, ContractTemplate.TAX_SPLIT, "VAT 12%", "debit_kind == 'RETAIL'", 9001,
                1_200, TaxSplitPolicy.HALF_UP, 0, SRC, TAX_PURPOSE, REFUND);
        book.account(SRC, AccountKind.GOVERNMENT, 0).account(BUYER, AccountKind.RETAIL, 0)
                .account(MERCHANT, AccountKind.MERCHANT, VAT).account(40, AccountKind.MERCHANT, 0);
        assertThat(book.commit()).containsOnly(Result.OK);
        book.fund(BUYER, 10_000_000);
    }

    @Test
    void aSaleSplitsAtomicallyIntoTaxAndRevenue() {
        book.transfer(1, BUYER, MERCHANT, 112_000);
        assertThat(book.one()).isEqualTo(Result.OK);
        assertThat(book.balance(SRC)).isEqualTo(12_000);
        assertThat(book.balance(MERCHANT)).isEqualTo(100_000);
        Transfer leg = book.ledger.transfer(Ledger.legIdHi(0, 0), Ledger.legIdLo(1, 0)).orElseThrow();
        assertThat(leg.purpose()).isEqualTo(TAX_PURPOSE);
        assertThat(leg.parentIdLo()).isEqualTo(1);
    }

    @Test
    void roundingFollowsTheContractsRule() {
        // 100 tiyn at 12 %: 10.714... tiyn of tax
        assertThat(TaxSplitPolicy.taxOf(100, 1_200, TaxSplitPolicy.HALF_UP)).isEqualTo(11);
        assertThat(TaxSplitPolicy.taxOf(100, 1_200, TaxSplitPolicy.DOWN)).isEqualTo(10);
        assertThat(TaxSplitPolicy.taxOf(100, 1_200, TaxSplitPolicy.UP)).isEqualTo(11);
        assertThat(TaxSplitPolicy.taxOf(112, 1_200, TaxSplitPolicy.UP)).isEqualTo(12);
        // exactly half a tiyn: 56 at 12 % is 6, and 0.5 at... 7 tiyn at 10000 bp (100 %) is 3.5
        assertThat(TaxSplitPolicy.taxOf(7, 10_000, TaxSplitPolicy.HALF_UP)).isEqualTo(4);
        assertThat(TaxSplitPolicy.taxOf(7, 10_000, TaxSplitPolicy.DOWN)).isEqualTo(3);
    }

    @Test
    void theTaxMatchesExactArithmeticForRandomAmountsAndRates() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            long amount = random.nextInt(4) == 0 ? random.nextLong(Long.MAX_VALUE) : random.nextLong(1, 10_000_000_000L);
            long rate = random.nextLong(0, 10_001);
            int rounding = random.nextInt(3);
            RoundingMode mode = rounding == 0 ? RoundingMode.HALF_UP : rounding == 1 ? RoundingMode.DOWN : RoundingMode.UP;
            long expected = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(rate))
                    .divide(BigDecimal.valueOf(10_000 + rate), 0, mode).longValueExact();
            assertThat(TaxSplitPolicy.taxOf(amount, rate, rounding))
                    .as("seed %d: amount %d rate %d rounding %d", seed, amount, rate, rounding).isEqualTo(expected);
        }
    }

    @Test
    void aRefundReversesBothLegsToTheTiyn() {
        book.fund(40, 100_000);
        book.transfer(9, 40, MERCHANT, 100_000); // not retail: no tax; the merchant's float for refunds
        book.transfer(1, BUYER, MERCHANT, 99_999);
        book.transfer(2, BUYER, MERCHANT, 5_001);
        book.commit();
        long tax = book.balance(SRC);
        assertThat(tax).isEqualTo(TaxSplitPolicy.taxOf(99_999, 1_200, 0) + TaxSplitPolicy.taxOf(5_001, 1_200, 0));
        book.transfer(3, MERCHANT, BUYER, 99_999, REFUND);
        assertThat(book.one()).isEqualTo(Result.OK);
        assertThat(book.balance(SRC)).isEqualTo(TaxSplitPolicy.taxOf(5_001, 1_200, 0));
        assertThat(book.balance(MERCHANT) + book.balance(SRC)).isEqualTo(100_000 + 5_001);
        assertThat(book.balance(BUYER)).isEqualTo(10_000_000 - 5_001);
    }

    @Test
    void theMerchantPayingASupplierOwesNoTax() {
        book.transfer(1, BUYER, MERCHANT, 112_000);
        book.transfer(2, MERCHANT, 40, 50_000);
        assertThat(book.commit()).containsExactly(Result.OK, Result.OK);
        assertThat(book.balance(SRC)).isEqualTo(12_000);
    }

    @Test
    void whereTheConditionIsFalseThereIsNoTaxAndNoDecline() {
        book.fund(40, 1_000);
        book.transfer(1, 40, MERCHANT, 112_000 / 112);
        assertThat(book.one()).isEqualTo(Result.OK);
        assertThat(book.balance(SRC)).isZero();
    }

    @Test
    void aPausedTaxContractDeclinesSales() {
        book.status(VAT, ContractStatus.PAUSED).transfer(1, BUYER, MERCHANT, 1_000);
        assertThat(book.commit()).containsExactly(Result.OK, Result.POLICY_REJECTED);
        assertThat(book.results.reason(1)).isEqualTo(Reasons.PAUSED);
    }
}
