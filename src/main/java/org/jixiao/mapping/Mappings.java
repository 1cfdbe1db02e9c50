package org.jixiao.mapping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * All template knowledge, loaded once. {@link #bundled()} reads the copy inside the jar;
 * {@link #load(Path)} reads a directory laid out like {@code mappings/}, so a bureau can adapt a
 * form without rebuilding.
 */
public final class Mappings {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private static volatile Mappings bundled;

    private final Path directory;
    private final LabelMappings labels;
    private final Taxonomy taxonomy;

    private Mappings(Path directory, LabelMappings labels, Taxonomy taxonomy) {
        this.directory = directory;
        this.labels = labels;
        this.taxonomy = taxonomy;
    }

    public static Mappings bundled() {
        Mappings m = bundled;
        if (m == null) {
            synchronized (Mappings.class) {
                m = bundled;
                if (m == null) {
                    m = new Mappings(null, read(null, "labels.yaml", LabelMappings.class),
                            read(null, "taxonomy.yaml", Taxonomy.class));
                    bundled = m;
                }
            }
        }
        return m;
    }

    public static Mappings load(Path directory) {
        if (directory == null) return bundled();
        return new Mappings(directory, read(directory, "labels.yaml", LabelMappings.class),
                read(directory, "taxonomy.yaml", Taxonomy.class));
    }

    public LabelMappings labels() {
        return labels;
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** Opens another mapping file (regions, rules) from the same place these were read from. */
    public InputStream open(String name) throws IOException {
        if (directory != null) {
            return Files.newInputStream(directory.resolve(name));
        }
        InputStream in = Mappings.class.getResourceAsStream("/mappings/" + name);
        if (in == null) throw new IOException("mapping file not bundled: " + name);
        return in;
    }

    /** Reads a YAML mapping file into a record. */
    public <T> T read(String name, Class<T> type) {
        return read(directory, name, type);
    }

    private static <T> T read(Path directory, String name, Class<T> type) {
        try (InputStream in = directory != null ? Files.newInputStream(directory.resolve(name))
                : Mappings.class.getResourceAsStream("/mappings/" + name)) {
            if (in == null) throw new IOException("mapping file not bundled: " + name);
            T value = YAML.readValue(in, type);
            MappingSchema.requireComplete(directory == null ? name : directory.resolve(name).toString(), value);
            return value;
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            String file = directory == null ? name : directory.resolve(name).toString();
            throw new InvalidMappingException(file, MappingSchema.path(e), MappingSchema.problem(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks the files now rather than when a form first needs them: every key known and typed,
     * every required key present, every pattern compiles. Run at start-up and by a test over the
     * shipped files.
     */
    public Mappings validate() {
        MappingSchema.requirePatterns(directory == null ? "labels.yaml" : directory.resolve("labels.yaml").toString(), labels);
        return this;
    }
}
