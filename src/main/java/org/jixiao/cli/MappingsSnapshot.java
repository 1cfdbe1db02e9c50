package org.jixiao.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jixiao.extract.narrative.NarrativeVocabulary;
import org.jixiao.mapping.LabelMappings;
import org.jixiao.mapping.Mappings;
import org.jixiao.mapping.Taxonomy;
import org.jixiao.normalize.QuantityParser;
import org.jixiao.verify.RuleSettings;

/**
 * Writes the snapshot of the bundled mapping files ({@link Mappings#SNAPSHOT}) at build time
 * (exec-maven-plugin, phase process-classes): each YAML file read and checked as at run time, its
 * record stored under its name. It lives here because only the command line sees every stage's
 * vocabulary type. Argument: the file to write.
 */
public final class MappingsSnapshot {

    private MappingsSnapshot() {
    }

    /** The bundled YAML files and the records they are read into, as the stages read them. */
    public static Map<String, Class<?>> files() {
        Map<String, Class<?>> files = new LinkedHashMap<>();
        files.put("labels.yaml", LabelMappings.class);
        files.put("taxonomy.yaml", Taxonomy.class);
        files.put("quantities.yaml", QuantityParser.Vocabulary.class);
        files.put("narrative.yaml", NarrativeVocabulary.class);
        files.put("rules.yaml", RuleSettings.class);
        return files;
    }

    public static void main(String[] args) throws IOException {
        Map<String, Object> records = new LinkedHashMap<>();
        for (Map.Entry<String, Class<?>> f : files().entrySet()) records.put(f.getKey(), Mappings.parseBundled(f.getKey(), f.getValue()));
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        // Written beside and moved into place: a half-written snapshot must never be left behind.
        Path part = out.resolveSibling(out.getFileName() + ".part");
        try (OutputStream o = Files.newOutputStream(part)) {
            Mappings.writeSnapshot(records, o);
        }
        Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
