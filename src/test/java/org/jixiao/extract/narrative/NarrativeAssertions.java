package org.jixiao.extract.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.NarrativeStatement;
import org.jixiao.normalize.QuantityParser;

/** The narrative stage's assertion: statements written as "subject.attribute=value[unit]". */
final class NarrativeAssertions {

    static final NarrativeReader READER = new NarrativeReader(
            Mappings.bundled().read("narrative.yaml", NarrativeVocabulary.class),
            new QuantityParser(Mappings.bundled().read("quantities.yaml", QuantityParser.Vocabulary.class))::parse);

    private NarrativeAssertions() {
    }

    static List<NarrativeStatement> assertStatements(List<String> paragraphs, List<String> names, String... expected) {
        List<NarrativeStatement> statements = READER.read(paragraphs, names);
        List<String> actual = statements.stream()
                .map(s -> s.subject() + "." + s.attribute() + "=" + s.value().stripTrailingZeros().toPlainString()
                        + (s.unit() == null ? "" : s.unit()))
                .toList();
        assertEquals(List.of(expected), actual);
        return statements;
    }
}
