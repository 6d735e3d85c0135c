package org.dtenge.programs;

import static org.assertj.core.api.Assertions.assertThat;

import org.dtenge.ledger.AccountKind;
import org.dtenge.ledger.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A school-meals allowance: canteens only, school days only, a daily cap, and home to the city. */
class GateTest {
    private static final int MEALS = 7;
    private static final long CITY = 10;
    private static final long CHILD = 20;
    private static final long CANTEEN = 30;
    private static final long SHOP = 31;
    private static final long CHILDS_OWN = 21;
    private Book book;

    @BeforeEach
    void setUp() {
        book = new Book();
        String condition = "credit in ['" + Book.name(CANTEEN) + "'] && weekday <= 5";
        book.deploy(MEALS, ContractTemplate.GATE, "School meals", condition,
                9002, GatePolicy.DEBITS, 0, CITY);
        book.account(CITY, AccountKind.GOVERNMENT, 0)
                .account(CHILD, AccountKind.PROGRAM, MEALS, 150_000)
                .account(CHILDS_OWN, AccountKind.RETAIL, 0)
                .account(CANTEEN, AccountKind.MERCHANT, 0)
                .account(SHOP, AccountKind.MERCHANT, 0);
        assertThat(book.commit()).containsOnly(Result.OK);
        book.fund(CITY, 10_000_000);
        book.fund(CHILDS_OWN, 50_000);
        book.transfer(1, CITY, CHILD, 500_000);
        assertThat(book.one()).isEqualTo(Result.OK);
    }

    @Test
    void theAllowanceBuysAtTheCanteenOnASchoolDay() {
        book.transfer(2, CHILD, CANTEEN, 80_000);
        assertThat(book.one()).isEqualTo(Result.OK);
        assertThat(book.balance(CANTEEN)).isEqualTo(80_000);
    }

    @Test
    void aPurchaseElsewhereIsDeclinedWithTheContractsReason() {
        book.transfer(2, CHILD, SHOP, 1_000);
        assertThat(book.one()).isEqualTo(Result.POLICY_REJECTED);
        assertThat(book.reason()).isEqualTo(Reasons.CONDITION_FALSE);
        assertThat(book.balance(CHILD)).isEqualTo(500_000);
        assertThat(Reasons.describe(book.reason())).contains("condition");
    }

    @Test
    void theChildsOwnMoneyIsNotBoundByTheAllowance() {
        book.transfer(2, CHILDS_OWN, SHOP, 1_000);
        assertThat(book.one()).isEqualTo(Result.OK);
    }

    @Test
    void onSaturdayTheCanteenIsDeclined() {
        book.transfer(2, CHILD, CANTEEN, 1_000);
        book.commitAt(Book.MONDAY_MORNING + 5 * Book.DAY);
        assertThat(book.results.result(0)).isEqualTo(Result.POLICY_REJECTED);
    }

    @Test
    void theLedgersDailyLimitCapsTheAllowance() {
        book.transfer(2, CHILD, CANTEEN, 100_000);
        book.transfer(3, CHILD, CANTEEN, 50_001);
        assertThat(book.commit()).containsExactly(Result.OK, Result.DAILY_LIMIT_EXCEEDED);
        book.transfer(4, CHILD, CANTEEN, 50_001);
        book.commitAt(book.now + Book.DAY);
        assertThat(book.results.result(0)).isEqualTo(Result.OK);
    }

    @Test
    void aPausedContractDeclinesButTheMoneyCanStillGoHome() {
        book.status(MEALS, ContractStatus.PAUSED).transfer(2, CHILD, CANTEEN, 1_000);
        book.transfer(3, CHILD, CITY, 100_000);
        assertThat(book.commit()).containsExactly(Result.OK, Result.POLICY_REJECTED, Result.OK);
        assertThat(book.results.reason(1)).isEqualTo(Reasons.PAUSED);
        assertThat(book.balance(CHILD)).isEqualTo(400_000);
        book.status(MEALS, ContractStatus.ACTIVE).transfer(4, CHILD, CANTEEN, 1_000);
        assertThat(book.commit()).containsExactly(Result.OK, Result.OK);
    }

    @Test
    void aRetiredContractNeverComesBack() {
        book.status(MEALS, ContractStatus.RETIRED).status(MEALS, ContractStatus.ACTIVE).transfer(2, CHILD, CANTEEN, 1);
        book.commit();
        assertThat(book.results.reason(2)).isEqualTo(Reasons.RETIRED);
        assertThat(book.contracts.contract(MEALS).orElseThrow().status()).isEqualTo(ContractStatus.RETIRED);
    }

    @Test
    void anEvaluationErrorDeclines() {
        book.deploy(8, ContractTemplate.GATE, "Broken", "100 / (amount - amount) > 0", 9002, GatePolicy.DEBITS)
                .account(40, AccountKind.PROGRAM, 8);
        book.commit();
        book.fund(40, 100);
        book.transfer(5, 40, CANTEEN, 10);
        assertThat(book.one()).isEqualTo(Result.POLICY_REJECTED);
        assertThat(book.reason()).isEqualTo(Reasons.CONDITION_ERROR);
    }

    @Test
    void earmarkedMoneyMayGoOnlyToTheNextLevelsAccounts() {
        book.deploy(51, ContractTemplate.GATE, "Subcontractors", "credit_kind == 'MERCHANT'", 1, GatePolicy.DEBITS);
        book.deploy(50, ContractTemplate.GATE, "Contractors", "credit_program == 51 && purpose in [4101, 4102]", 1,
                GatePolicy.DEBITS);
        book.account(60, AccountKind.PROGRAM, 50).account(61, AccountKind.PROGRAM, 51).account(62, AccountKind.PROGRAM, 0);
        book.commit();
        book.fund(60, 1_000);
        book.transfer(70, 60, 61, 100, 4101);
        book.transfer(71, 60, 62, 100, 4101);
        book.transfer(72, 60, 61, 100, 9999);
        book.transfer(73, 61, SHOP, 50);
        book.transfer(74, 61, 62, 50);
        assertThat(book.commit()).containsExactly(Result.OK, Result.POLICY_REJECTED, Result.POLICY_REJECTED, Result.OK,
                Result.POLICY_REJECTED);
    }

    @Test
    void theContractIsListedWithItsDocument() {
        Contract contract = book.contracts.contract(MEALS).orElseThrow();
        assertThat(contract.name()).isEqualTo("School meals");
        assertThat(contract.condition()).startsWith("credit in [");
        assertThat(contract.owner()).isEqualTo(9002);
        assertThat(contract.version()).isEqualTo(1);
        assertThat(contract.template()).isEqualTo(ContractTemplate.GATE);
        assertThat(contract.parameters().get(2)).isEqualTo(CITY);
    }
}
