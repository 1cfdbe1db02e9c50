package org.jixiao.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jixiao.model.FindingCode;
import org.junit.jupiter.api.Test;

/** The README's findings table lists exactly the catalogue: every code, its severity and its title. */
class FindingCatalogueReadmeTest {

    @Test
    void readmeTableMatchesTheCatalogue() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int from = readme.indexOf("\n## Findings\n");
        int to = readme.indexOf("\n## ", from + 1);
        String section = readme.substring(from, to);
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : section.lines().toList()) {
            if (!line.startsWith("| ") || line.startsWith("| code")) continue;
            String[] cells = line.split("\\|");
            // cells[0] is empty (the line starts with '|'): code, severity, title follow.
            rows.put(cells[1].trim(), cells[2].trim() + " " + cells[3].trim());
        }
        assertFalse(rows.isEmpty(), "README has a findings table");
        Map<String, String> catalogue = new LinkedHashMap<>();
        for (FindingCode c : FindingCode.values()) catalogue.put(c.code(), c.severity().name() + " " + c.title());
        assertEquals(catalogue, rows);
    }
}
