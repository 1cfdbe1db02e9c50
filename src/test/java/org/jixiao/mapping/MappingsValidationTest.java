package org.jixiao.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mapping files follow a schema: the shipped ones validate, and a misspelt or unknown key,
 * a missing key or a broken pattern stops jixiao at start-up with a Chinese message naming the
 * file and the key (before, renaming adjustedBudget silently switched two checks off).
 */
class MappingsValidationTest {

    @TempDir
    Path dir;

    @Test
    void theShippedFilesValidate() {
        Mappings m = Mappings.bundled().validate();
        assertNotNull(m.labels().fundsMatrix().columns().get(LabelMappings.FundsColumn.ADJUSTED_BUDGET));
        for (LabelMappings.IndicatorColumn c : LabelMappings.IndicatorColumn.values()) {
            assertNotNull(m.labels().indicatorTable().columns().get(c), "labels.yaml names no synonyms for " + c);
        }
    }

    @Test
    void theFilesInTheRepositoryAreTheOnesBundled() {
        Mappings.load(Path.of("mappings")).validate();
    }

    private InvalidMappingException loadWith(String from, String to) throws IOException {
        copyMappings();
        Path labels = dir.resolve("labels.yaml");
        String text = Files.readString(labels, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.writeString(labels, text.replace(from, to), StandardCharsets.UTF_8);
        return assertThrows(InvalidMappingException.class, () -> Mappings.load(dir).validate());
    }

    private void copyMappings() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("mappings"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = dir.resolve(Path.of("mappings").relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    @Test
    void aMisspeltEnumKeyNamesTheFileAndTheKey() throws IOException {
        InvalidMappingException e = loadWith("    adjustedBudget: [全年预算数", "    adjustedBudgett: [全年预算数");
        assertEquals(dir.resolve("labels.yaml").toString(), e.file(), "the file the user edited, with its folder");
        assertTrue(e.getMessage().contains("adjustedBudgett"), e.getMessage());
        assertTrue(e.getMessage().startsWith("映射文件 " + dir.resolve("labels.yaml")), e.getMessage());
    }

    @Test
    void anUnknownKeyNamesTheKnownOnes() throws IOException {
        InvalidMappingException e = loadWith("fundsMatrix:\n", "fundMatrix:\n");
        assertTrue(e.getMessage().contains("fundMatrix"), e.getMessage());
        assertTrue(e.getMessage().contains("未知的键"), e.getMessage());
    }

    @Test
    void aMissingKeyIsNamed() throws IOException {
        InvalidMappingException e = loadWith("spendingCategories: [基本支出, 项目支出]\n", "");
        assertEquals("spendingCategories", e.key());
    }

    @Test
    void aBrokenPatternIsNamed() throws IOException {
        InvalidMappingException e = loadWith("priorYearColumn: \"((?:19|20)", "priorYearColumn: \"(((?:19|20)");
        assertEquals("budgetItems.priorYearColumn", e.key());
    }
}
