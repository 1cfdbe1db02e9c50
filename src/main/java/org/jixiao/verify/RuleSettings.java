package org.jixiao.verify;

import java.math.BigDecimal;
import java.util.List;

/** The contents of {@code mappings/rules.yaml}; see that file for what each setting means. */
public record RuleSettings(Arithmetic arithmetic, Scoring scoring, Design design) {

    public record Arithmetic(int decimals, BigDecimal tolerance) {
    }

    public record Scoring(Formulas defaults, List<Template> templates) {

        /** The formulas for a report's region: the first template whose prefix matches, else the defaults. */
        public Formulas forRegion(String regionCode) {
            if (regionCode != null && templates != null) {
                for (Template t : templates) {
                    for (String p : t.regionCodePrefixes()) {
                        if (regionCode.startsWith(p)) return new Formulas(t.positive(), t.negative());
                    }
                }
            }
            return defaults;
        }
    }

    public record Formulas(String positive, String negative) {
    }

    public record Template(String name, List<String> regionCodePrefixes, String positive, String negative) {
    }

    public record Design(List<String> timeKeywords, List<String> timeMisplacedUnderLevel2,
                         List<String> satisfactionKeywords, List<String> satisfactionMisplacedUnderLevel1,
                         List<String> benefitWords, BigDecimal targetTooLowFactor, List<String> vagueTargets,
                         BigDecimal fullMarks) {
    }
}
