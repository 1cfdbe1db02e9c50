package org.jixiao.verify;

import java.util.ArrayList;
import java.util.List;
import org.jixiao.mapping.Mappings;

/** The rules jixiao applies to every report, configured from {@code mappings/rules.yaml}. */
public final class StandardRules {

    private StandardRules() {
    }

    public static List<Rule> create(Mappings mappings) {
        RuleSettings settings = mappings.read("rules.yaml", RuleSettings.class);
        Figures figures = new Figures(settings.arithmetic());
        Rescorer rescorer = new Rescorer(mappings.taxonomy());
        List<Rule> rules = new ArrayList<>(new ArithmeticRules(figures).all());
        rules.add(new IndicatorScoreRule(rescorer, figures, settings.scoring()));
        rules.add(new NarrativeMismatchRule(figures));
        rules.addAll(new DesignRules(settings.design(), mappings.taxonomy(), rescorer).all());
        return rules;
    }
}
