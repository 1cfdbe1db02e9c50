package org.jixiao.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jixiao.mapping.Mappings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped township table agrees with the region table and with what the resolver reads, and
 * a mappings directory adapted before the table existed still works.
 */
class TownshipTableTest {

    private static final Path MAPPINGS = Path.of("mappings");
    private static final String TOWNSHIP_SUFFIX = ".+(镇|乡|街道|苏木)";

    @Test
    void everyRowIsATownshipOfARegionInTheTable() throws IOException {
        List<String> regions = Files.readAllLines(MAPPINGS.resolve(RegionResolver.REGIONS_FILE), StandardCharsets.UTF_8);
        Set<String> codes = new HashSet<>();
        for (String row : regions.subList(1, regions.size())) codes.add(row.split(",", -1)[0]);

        List<String> rows = Files.readAllLines(MAPPINGS.resolve(RegionResolver.TOWNSHIPS_FILE), StandardCharsets.UTF_8);
        assertEquals("name,countyCode", rows.get(0));
        assertTrue(rows.size() > 1);
        Set<String> seen = new HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertEquals(2, f.length, row);
            assertTrue(f[0].matches(TOWNSHIP_SUFFIX), row);
            assertTrue(f[0].length() >= RegionNameIndex.Townships.MIN_TOWNSHIP_NAME_LENGTH, row);
            assertTrue(codes.contains(f[1]), row);
            assertTrue(seen.add(row), "repeated row " + row);
        }
    }

    @Test
    void aMappingsDirectoryWithoutTheTableResolvesByRegionNamesOnly(@TempDir Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(MAPPINGS)) {
            for (Path p : files.toList()) {
                Path target = dir.resolve(MAPPINGS.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        Files.delete(dir.resolve(RegionResolver.TOWNSHIPS_FILE));
        RegionResolver regions = new RegionResolver(Mappings.load(dir));
        assertNull(regions.resolve(List.of("坝塘镇人民政府"), null));
        RegionResolver.Region county = regions.resolve(List.of("江阴市人力资源和社会保障局"), null);
        assertNotNull(county);
        assertEquals("320281", county.code());
    }
}
