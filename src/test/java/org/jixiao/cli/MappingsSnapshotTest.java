package org.jixiao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jixiao.mapping.Mappings;
import org.jixiao.mapping.Taxonomy;
import org.junit.jupiter.api.Test;

/**
 * The snapshot of the bundled mappings that the build writes (process-classes) says exactly what
 * the YAML files say: a changed YAML file without a rebuilt snapshot fails here, so the two cannot
 * drift. And the bundled mappings are indeed taken from it.
 */
class MappingsSnapshotTest {

    @Test
    void theSnapshotHoldsEveryBundledFileAsItsYamlReads() {
        Map<String, Object> snapshot = Mappings.snapshot();
        assertEquals(MappingsSnapshot.files().keySet(), snapshot.keySet(), "the build wrote no snapshot, or one of other files");
        for (Map.Entry<String, Class<?>> f : MappingsSnapshot.files().entrySet()) {
            assertEquals(Mappings.parseBundled(f.getKey(), f.getValue()), snapshot.get(f.getKey()),
                    f.getKey() + " differs from its snapshot: rebuild (mvn process-classes)");
        }
    }

    @Test
    void theBundledMappingsComeFromTheSnapshot() {
        Mappings bundled = Mappings.bundled();
        assertSame(Mappings.snapshot().get("labels.yaml"), bundled.labels());
        assertSame(Mappings.snapshot().get("taxonomy.yaml"), bundled.taxonomy());
        assertSame(Mappings.snapshot().get("rules.yaml"), bundled.read("rules.yaml", org.jixiao.verify.RuleSettings.class));
    }

    @Test
    void aWrittenSnapshotReadsBackEqual() throws Exception {
        Map<String, Object> records = new LinkedHashMap<>();
        for (Map.Entry<String, Class<?>> f : MappingsSnapshot.files().entrySet()) {
            records.put(f.getKey(), Mappings.parseBundled(f.getKey(), f.getValue()));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Mappings.writeSnapshot(records, bytes);
        Map<String, Object> read = Mappings.readSnapshot(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(records, read);
        assertEquals(List.copyOf(records.keySet()), List.copyOf(read.keySet()), "files in their order");
        assertTrue(read.get("taxonomy.yaml") instanceof Taxonomy);
    }

    @Test
    void aValueTheSnapshotCannotHoldStopsTheBuild() {
        Map<String, Object> records = Map.of("odd.yaml", Duration.ofSeconds(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mappings.writeSnapshot(records, new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("java.time.Duration"), e.getMessage());
    }

    @Test
    void aSnapshotOfAnotherLayoutIsNotRead() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new java.io.DataOutputStream(bytes).writeUTF("some other snapshot 0");
        assertTrue(Mappings.readSnapshot(new ByteArrayInputStream(bytes.toByteArray())).isEmpty());
    }
}
