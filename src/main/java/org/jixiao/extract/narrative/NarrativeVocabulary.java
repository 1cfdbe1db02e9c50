package org.jixiao.extract.narrative;

import java.util.List;
import java.util.Map;

/** The contents of {@code mappings/narrative.yaml}. */
public record NarrativeVocabulary(Map<String, List<String>> funds, Map<String, List<String>> indicator,
                                  List<String> indicatorCount, List<String> actualLinks, List<String> boundaries) {
}
