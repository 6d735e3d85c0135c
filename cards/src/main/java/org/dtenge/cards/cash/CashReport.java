package org.dtenge.cards.cash;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dtenge.node.money.AccountId;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.projection.HistoryEntry;
import org.dtenge.node.service.Access;
import org.dtenge.node.service.Queries;

/**
 * A cash point's daily cash report (Kazpost's counters, a bank's branches): the cash-ins (cash taken,
 * DT paid from the reserve to a wallet) and cash-outs (DT back to the reserve, cash paid) of one
 * ledger day, per counter and in total. The counter is the transfer's reference, which the counter
 * writes with each operation (e.g. "050010-02": post office and window). Read from the node's history
 * of the caller's reserve account, so it trails the journal by the projection's lag.
 */
public final class CashReport {
    private static final int PAGE = Queries.HISTORY_LIMIT_MAX;
    private static final ZoneOffset LEDGER_DAY = ZoneOffset.ofHours(5);

    /** One counter's day, amounts in tiyn. */
    public record Counter(String counter, long cashIns, long cashInTiyn, long cashOuts, long cashOutTiyn) {
        /** The change in the counter's cash drawer: taken in, less paid out. */
        public long drawerTiyn() {
            return cashInTiyn - cashOutTiyn;
        }

        Counter plus(HistoryEntry entry) {
            return entry.category().equals("cash-in")
                    ? new Counter(counter, cashIns + 1, cashInTiyn + Math.abs(entry.amount()), cashOuts, cashOutTiyn)
                    : new Counter(counter, cashIns, cashInTiyn, cashOuts + 1, cashOutTiyn + Math.abs(entry.amount()));
        }
    }

    private final Queries queries;

    public CashReport(Queries queries) {
        this.queries = queries;
    }

    public List<Counter> of(Participant caller, LocalDate day) {
        Access.requireRole(caller, caller.role().convertsCash(), "read a cash report; only banks and payment agents handle cash");
        AccountId reserve = caller.ownAccount().orElseThrow();
        long from = day.atStartOfDay().toEpochSecond(LEDGER_DAY) * 1_000_000_000L;
        long before = day.plusDays(1).atStartOfDay().toEpochSecond(LEDGER_DAY) * 1_000_000_000L;
        Map<String, Counter> counters = new TreeMap<>();
        while (true) {
            List<HistoryEntry> page = queries.history(caller, reserve, PAGE, before);
            for (HistoryEntry entry : page) {
                if (entry.atNanos() < from) {
                    return List.copyOf(counters.values());
                }
                if (entry.category().equals("cash-in") || entry.category().equals("cash-out")) {
                    String counter = entry.reference().text().isEmpty() ? "(none)" : entry.reference().text();
                    counters.merge(counter, new Counter(counter, 0, 0, 0, 0).plus(entry), (a, b) -> a.plus(entry));
                }
            }
            if (page.size() < PAGE) {
                return List.copyOf(counters.values());
            }
            before = page.get(page.size() - 1).atNanos();
        }
    }
}
