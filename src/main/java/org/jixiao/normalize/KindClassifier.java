package org.jixiao.normalize;

import java.util.List;
import java.util.Map;
import org.jixiao.mapping.LabelMappings.KindSignal;
import org.jixiao.model.ReportKind;

/**
 * Decides the document family from weighted phrases ({@code kinds} in labels.yaml). A phrase in
 * the title counts {@link #TITLE_FACTOR} times, because the title names the form outright while
 * the body of a self-evaluation may quote last year's declaration.
 */
final class KindClassifier {

    static final int TITLE_FACTOR = 3;

    private final Map<String, List<KindSignal>> signals;

    KindClassifier(Map<String, List<KindSignal>> signals) {
        this.signals = signals;
    }

    /** The best-scoring kind, or null when no phrase of any kind occurs. */
    ReportKind classify(String title, String fullText) {
        ReportKind best = null;
        int bestScore = 0;
        for (Map.Entry<String, List<KindSignal>> e : signals.entrySet()) {
            int score = 0;
            for (KindSignal s : e.getValue()) {
                if (fullText.contains(s.phrase())) score += s.weight();
                if (title != null && title.contains(s.phrase())) score += s.weight() * TITLE_FACTOR;
            }
            if (score > bestScore) {
                bestScore = score;
                best = ReportKind.valueOf(e.getKey());
            }
        }
        return best;
    }
}
