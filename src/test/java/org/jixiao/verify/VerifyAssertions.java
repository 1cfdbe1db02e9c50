package org.jixiao.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Finding;
import org.jixiao.model.Report;

/** The verify stage's assertion: the exact set of "CODE/subject" a report raises. */
final class VerifyAssertions {

    static final Verifier VERIFIER = new Verifier(StandardRules.create(Mappings.bundled()));

    private VerifyAssertions() {
    }

    static Report assertFindings(Report report, String... expected) {
        Report checked = VERIFIER.apply(report);
        Set<String> actual = new TreeSet<>();
        for (Finding f : checked.findings()) actual.add(f.code() + "/" + f.subject());
        assertEquals(new TreeSet<>(Set.of(expected)), actual, () -> "findings: " + checked.findings());
        return checked;
    }

    static Finding only(Report checked, String code) {
        return checked.findings().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
    }
}
