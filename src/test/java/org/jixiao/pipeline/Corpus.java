package org.jixiao.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Where test inputs live: the repository's corpus/ and, when present, the real seeds beside the checkout. */
public final class Corpus {

    public static final Path ROOT = Path.of("corpus");
    private static final Set<String> INPUT_EXTENSIONS = Set.of("txt", "md", "html", "htm", "pdf", "docx", "xlsx");

    private Corpus() {
    }

    /** The seeds directory (../shared/seeds, or -Djixiao.seeds), or null when this checkout has none. */
    public static Path seeds() {
        Path p = Path.of(System.getProperty("jixiao.seeds", "../shared/seeds"));
        return Files.isDirectory(p) ? p : null;
    }

    /** The scanned corpus: read through OCR by ScannedCorpusTest alone, so that the other corpus tests stay fast. */
    public static final Path SCANNED = ROOT.resolve("scanned");

    /** Every report input under corpus/ (all case directories, hostile files included; the scanned corpus apart). */
    public static List<Path> allInputs() {
        return inputs(ROOT).stream().filter(p -> !p.startsWith(SCANNED)).toList();
    }

    /** The form-variant cases: expected.json in the real-forms conventions (no findings), see corpus/variants. */
    public static final Path VARIANTS = ROOT.resolve("variants");

    /** Every report input beside an expected.json in the golden format (findings included). */
    public static List<Path> goldenInputs() {
        return allInputs().stream().filter(p -> !p.startsWith(VARIANTS))
                .filter(p -> Files.exists(p.resolveSibling("expected.json"))).toList();
    }

    /** Every input of the form-variant cases. */
    public static List<Path> variantInputs() {
        return inputs(VARIANTS);
    }

    /** The text form of every golden case (tests that edit a report's text use these). */
    public static List<Path> goldenTextInputs() {
        return goldenInputs().stream().filter(p -> p.getFileName().toString().endsWith(".txt")).toList();
    }

    static List<Path> inputs(Path root) {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(Corpus::isInput).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isInput(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && INPUT_EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
