package org.jixiao.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jixiao.store.SubmissionQuery;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's bands: every figure falls in exactly one, the edges where the labels say, and the
 * list's filter (the band's lower bound) selects the very range the dashboard counted with.
 */
class DashboardTest {

    private static int bandOf(List<Dashboard.Band> bands, String value) {
        List<Integer> in = new ArrayList<>();
        for (Dashboard.Band b : bands) if (b.range().contains(new BigDecimal(value))) in.add(b.from());
        assertEquals(1, in.size(), value + " lies in bands " + in);
        return in.get(0);
    }

    @Test
    void executionRatesFallInOneBandEach() {
        assertEquals(0, bandOf(Dashboard.RATES, "-3.5"), "a misprinted negative rate is still counted");
        assertEquals(0, bandOf(Dashboard.RATES, "59.99"));
        assertEquals(60, bandOf(Dashboard.RATES, "60"));
        assertEquals(80, bandOf(Dashboard.RATES, "89.999"));
        assertEquals(90, bandOf(Dashboard.RATES, "100"), "100 % is fully spent, not overspent");
        assertEquals(100, bandOf(Dashboard.RATES, "100.01"));
        assertEquals("超过 100%", Dashboard.RATES.get(Dashboard.RATES.size() - 1).label());
        assertEquals("低于 60%", Dashboard.RATES.get(0).label(), "the first band holds everything below 60, not only from 0");
        assertEquals(List.of("<60", "60–70", "70–80", "80–90", "90–100", ">100"),
                Dashboard.RATES.stream().map(Dashboard.Band::tick).toList());
    }

    @Test
    void totalScoresFallInOneBandEach() {
        assertEquals(0, bandOf(Dashboard.SCORES, "0"));
        assertEquals(70, bandOf(Dashboard.SCORES, "79.5"));
        assertEquals(90, bandOf(Dashboard.SCORES, "90"));
        assertEquals(90, bandOf(Dashboard.SCORES, "100"));
        assertEquals("90–100分", Dashboard.SCORES.get(Dashboard.SCORES.size() - 1).label());
    }

    @Test
    void theListFilterNamesABandByItsLowerBound() {
        assertEquals(Dashboard.RATES.get(4).range(), Dashboard.chosen("90", Dashboard.RATES, "执行率"));
        assertEquals(null, Dashboard.chosen(null, Dashboard.RATES, "执行率"));
        ApiProblem unknown = assertThrows(ApiProblem.class, () -> Dashboard.chosen("95", Dashboard.RATES, "执行率"));
        assertTrue(unknown.getMessage().contains("0、60、70、80、90、100"), unknown.getMessage());
    }

    @Test
    void theListPageOffersTheDashboardsBands() throws Exception {
        String page = Files.readString(Path.of("src/main/resources/web/review.html"));
        assertEquals(labels(Dashboard.RATES), options(page, "rate"));
        assertEquals(labels(Dashboard.SCORES), options(page, "score"));
    }

    private static List<String> labels(List<Dashboard.Band> bands) {
        return bands.stream().map(b -> b.from() + "=" + b.label()).toList();
    }

    private static List<String> options(String page, String select) {
        Matcher box = Pattern.compile("<select id=\"" + select + "\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(page);
        assertTrue(box.find(), select);
        Matcher o = Pattern.compile("<option value=\"([^\"]+)\">([^<]*)</option>").matcher(box.group(1));
        List<String> out = new ArrayList<>();
        while (o.find()) out.add(o.group(1) + "=" + o.group(2));
        return out;
    }

    @Test
    void aRangeKeepsItsEdgesAsStated() {
        SubmissionQuery.Range r = new SubmissionQuery.Range(new BigDecimal(60), true, new BigDecimal(70), false);
        assertTrue(r.contains(new BigDecimal("60.00")));
        assertTrue(!r.contains(new BigDecimal("70")));
        assertTrue(!r.contains(null), "no figure is in no range");
    }
}
