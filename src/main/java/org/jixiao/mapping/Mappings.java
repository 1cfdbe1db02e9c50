package org.jixiao.mapping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * All template knowledge, loaded once. {@link #bundled()} reads the copy inside the jar;
 * {@link #load(Path)} reads a directory laid out like {@code mappings/}, so a bureau can adapt a
 * form without rebuilding.
 *
 * <p>The bundled YAML files are also read at build time, checked as below, and stored in the jar as
 * one snapshot of their records ({@value #SNAPSHOT}, {@link RecordSnapshot}'s format;
 * {@code org.jixiao.cli.MappingsSnapshot} writes it): a one-shot command then loads the records
 * instead of building Jackson's YAML deserializers, which took about a fifth of a cold
 * {@code extract}'s sampled CPU time. {@code MappingsSnapshotTest}
 * keeps the snapshot equal to the YAML; without a snapshot (or with one this build cannot read) the
 * YAML is read as before. A directory given with {@code --mappings} is always read from its YAML,
 * with every check.
 */
public final class Mappings {

    /** The YAML reader, made on first use: with the snapshot a bundled run never needs it. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    /** Where the snapshot of the bundled files lies in the jar. */
    public static final String SNAPSHOT = "/mappings/bundled.bin";

    /** The snapshot's first words: a snapshot of another layout is not read. */
    static final String SNAPSHOT_FORMAT = "jixiao mapping snapshot 1";

    private static volatile Mappings bundled;

    /** The bundled files' records by file name, from the snapshot; empty when there is none. */
    private static volatile Map<String, Object> snapshot;

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
        if (directory == null) {
            Object stored = snapshot().get(name);
            if (type.isInstance(stored)) return type.cast(stored);
        }
        return parse(directory, name, type);
    }

    /** Reads a YAML mapping file and checks that every key is known and every required key present. */
    private static <T> T parse(Path directory, String name, Class<T> type) {
        try (InputStream in = directory != null ? Files.newInputStream(directory.resolve(name))
                : Mappings.class.getResourceAsStream("/mappings/" + name)) {
            if (in == null) throw new IOException("mapping file not bundled: " + name);
            T value = Yaml.MAPPER.readValue(in, type);
            MappingSchema.requireComplete(directory == null ? name : directory.resolve(name).toString(), value);
            return value;
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            String file = directory == null ? name : directory.resolve(name).toString();
            throw new InvalidMappingException(file, MappingSchema.path(e), MappingSchema.problem(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping " + name + ": " + e.getMessage(), e);
        }
    }

    /** The bundled file {@code name} read from its YAML, checked, never from the snapshot (for the snapshot and its test). */
    public static <T> T parseBundled(String name, Class<T> type) {
        return parse(null, name, type);
    }

    /** Writes the snapshot of the bundled files: each one's record, by file name. */
    public static void writeSnapshot(Map<String, Object> records, OutputStream out) throws IOException {
        try (DataOutputStream data = new DataOutputStream(out)) {
            data.writeUTF(SNAPSHOT_FORMAT);
            RecordSnapshot.write(records, data);
        }
    }

    /** The snapshot's records by file name (read once); empty when the jar has none or this build cannot read it. */
    public static Map<String, Object> snapshot() {
        Map<String, Object> s = snapshot;
        if (s == null) {
            synchronized (Mappings.class) {
                s = snapshot;
                if (s == null) {
                    s = readSnapshot();
                    snapshot = s;
                }
            }
        }
        return s;
    }

    private static Map<String, Object> readSnapshot() {
        try (InputStream in = Mappings.class.getResourceAsStream(SNAPSHOT)) {
            return in == null ? Map.of() : readSnapshot(in);
        } catch (IOException | RuntimeException e) {
            // A snapshot of other classes (a stale build): the YAML says the same, only slower.
            return Map.of();
        }
    }

    /** Reads a snapshot as {@link #writeSnapshot} wrote it; empty when it is of another layout or names unknown classes. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readSnapshot(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in));
        if (!SNAPSHOT_FORMAT.equals(data.readUTF())) return Map.of();
        try {
            return (Map<String, Object>) new RecordSnapshot().read(data);
        } catch (ReflectiveOperationException e) {
            return Map.of();
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
