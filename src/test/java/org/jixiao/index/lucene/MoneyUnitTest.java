package org.jixiao.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.jixiao.model.Funds;
import org.jixiao.model.Report;
import org.jixiao.model.ReportKind;
import org.junit.jupiter.api.Test;

/** The index compares amounts across reports in 万元, whatever unit a form printed them in. */
class MoneyUnitTest {

    private static Report withFunds(String unit, String total) {
        Funds f = new Funds(null, null, null, null, null, null, new BigDecimal(total), null, null, List.of(), null, unit);
        return new Report(ReportKind.TARGET_DECLARATION, 2024, null, null, null, null, null, f, null, null, null, null, null);
    }

    @Test
    void yuanAreIndexedAsTenThousands() {
        assertEquals(0, new BigDecimal("253.7695").compareTo(
                ReportDocuments.tenThousands(withFunds("元", "2537695"), new BigDecimal("2537695"))));
    }

    @Test
    void wanYuanAndUnstatedUnitsStayAsPrinted() {
        assertEquals(new BigDecimal("171.41"), ReportDocuments.tenThousands(withFunds("万元", "171.41"), new BigDecimal("171.41")));
        assertEquals(new BigDecimal("50"), ReportDocuments.tenThousands(withFunds(null, "50"), new BigDecimal("50")));
        assertNull(ReportDocuments.tenThousands(withFunds("元", "1"), null));
    }
}
