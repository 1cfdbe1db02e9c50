package org.jixiao.verify;

import org.jixiao.model.Location;
import org.jixiao.model.Report;
import org.jixiao.model.SectionCoverage;

/**
 * Where a finding's figure stands: the place the normaliser recorded for the figure's JSON path
 * ({@code funds.executionRate} …), else where its section starts, so that a reviewer is sent at
 * least to the right block when the single cell is not known.
 */
final class FigureLocation {

    private FigureLocation() {
    }

    /** The first of {@code paths} with a recorded location, else the start of {@code section}; null when neither is known. */
    static Location of(Report r, String section, String... paths) {
        for (String p : paths) {
            Location l = r.locationOf(p);
            if (l != null) return l;
        }
        return ofSection(r, section);
    }

    /** Where the section starts, by its JSON field name; null when coverage does not place it. */
    static Location ofSection(Report r, String section) {
        for (SectionCoverage c : r.coverage()) {
            if (c.section().equals(section) && c.location() != null) return c.location();
        }
        return null;
    }
}
