package org.jixiao.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Finding;
import org.jixiao.model.FindingCode;
import org.jixiao.model.Report;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every finding of every corpus report says where its figure stands, so a reviewer can find it in
 * the original. Exempt are the findings about the report as a whole, which have no one figure:
 * the indicator table lacking a benefit indicator or a weight total of 100 (located at the
 * table's start when coverage knows it, not required), no indicator table at all, and a section
 * the form should have that was not found (nothing to point at; a section found without rows is
 * located at its start).
 */
class FindingLocationCorpusTest {

    private static final Pipeline PIPELINE = new Pipeline(Mappings.bundled());

    static final Set<FindingCode> WHOLE_REPORT = Set.of(FindingCode.MISSING_BENEFIT_INDICATORS,
            FindingCode.WEIGHT_SUM_MISMATCH, FindingCode.NO_INDICATORS);

    static List<Path> cases() {
        List<Path> all = new java.util.ArrayList<>(Corpus.goldenInputs());
        all.addAll(Corpus.variantInputs().stream()
                .filter(p -> !p.getParent().getFileName().toString().equals("not-a-report")).toList());
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyFindingIsLocated(Path input) {
        Report report = PIPELINE.process(input);
        List<String> unlocated = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (f.location() != null || exempt(report, f)) continue;
            unlocated.add(f.code() + "/" + f.subject());
        }
        assertEquals(List.of(), unlocated, input + ": findings without a location");
    }

    static boolean exempt(Report report, Finding f) {
        FindingCode code = FindingCode.of(f.code());
        if (WHOLE_REPORT.contains(code)) return true;
        if (code == FindingCode.SECTION_NOT_READ) {
            return report.coverage().stream().anyMatch(c -> c.section().equals(f.subject()) && !c.found());
        }
        return false;
    }
}
