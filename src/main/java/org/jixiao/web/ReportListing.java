package org.jixiao.web;

import java.util.List;
import org.jixiao.normalize.RegionResolver;
import org.jixiao.route.ReportSummary;

/**
 * Filters the checked reports for {@code GET /api/reports}: a region matches its own reports and
 * those of every region below it (by name, short name or GB/T 2260 code), a year or range, a
 * finding code.
 */
final class ReportListing {

    private final RegionResolver regions;

    ReportListing(RegionResolver regions) {
        this.regions = regions;
    }

    List<ReportSummary> filter(List<ReportSummary> all, String region, int[] years, String finding) {
        return all.stream()
                .filter(s -> region == null || inRegion(s, region))
                .filter(s -> years == null || (s.year() != null && s.year() >= years[0] && s.year() <= years[1]))
                .filter(s -> finding == null || s.findingCodes().contains(finding))
                .toList();
    }

    private boolean inRegion(ReportSummary s, String wanted) {
        if (wanted.equals(s.region()) || wanted.equals(s.regionCode())) return true;
        if (s.regionCode() == null) return s.region() != null && s.region().startsWith(wanted);
        for (RegionResolver.Region r : regions.lineage(s.regionCode())) {
            if (wanted.equals(r.code()) || wanted.equals(r.name()) || r.name().startsWith(wanted)) return true;
        }
        return false;
    }
}
