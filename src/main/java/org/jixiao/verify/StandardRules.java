package org.jixiao.verify;

import java.util.ArrayList;
import java.util.List;
import org.jixiao.mapping.Mappings;
import org.jixiao.normalize.QuantityParser;
import org.jixiao.normalize.UnitConversions;

/** The rules jixiao applies to every report, configured from {@code mappings/rules.yaml}. */
public final class StandardRules {

    private StandardRules() {
    }

    public static List<Rule> create(Mappings mappings) {
        RuleSettings settings = mappings.read("rules.yaml", RuleSettings.class);
        Figures figures = new Figures(settings.arithmetic());
        UnitConversions units = new QuantityParser(mappings.read("quantities.yaml", QuantityParser.Vocabulary.class)).conversions();
        Rescorer rescorer = new Rescorer(mappings.taxonomy(), units);
        List<Rule> rules = new ArrayList<>(new ArithmeticRules(figures).all());
        rules.add(new IndicatorScoreRule(rescorer, figures, settings.scoring()));
        rules.add(new NarrativeMismatchRule(figures, units));
        rules.addAll(new DesignRules(settings.design(), mappings.taxonomy(), rescorer).all());
        rules.add(new SectionCoverageRule());
        return rules;
    }
}
