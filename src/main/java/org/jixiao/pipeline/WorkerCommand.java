package org.jixiao.pipeline;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line that starts one reading child ({@link WorkerMain}): the parent's own java binary
 * and class path, the JVM options that bound the child, then the child's arguments. The one place
 * to add a JVM option for the children (a class-data archive, another collector …).
 */
public final class WorkerCommand {

    /** Exit status of a JVM stopped by {@code -XX:+ExitOnOutOfMemoryError} (HotSpot's {@code vm_exit_out_of_memory}). */
    static final int OUT_OF_MEMORY_EXIT = 3;

    private final WorkerSettings settings;
    private final Limits limits;

    public WorkerCommand(WorkerSettings settings, Limits limits) {
        this.settings = settings;
        this.limits = limits;
    }

    /** The whole command: java, JVM options, class path, main class, arguments. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.add("-cp");
        command.add(classPath());
        command.add(WorkerMain.class.getName());
        command.addAll(WorkerMain.arguments(ProcessHandle.current().pid(), limits, settings.mappingsDir()));
        return command;
    }

    /** The class-data archive {@code mvn package} builds beside the jar (see the launcher). */
    static final String CLASS_DATA_ARCHIVE = "jixiao.jsa";

    /** Options of the child's JVM. */
    public List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of(
                // The memory one file may cost: past it the child stops at once (no half-working
                // heap), the parent sees the exit status and reports the file with the memory reason.
                "-Xmx" + settings.memoryMb() + "m",
                "-XX:+ExitOnOutOfMemoryError",
                // The JVM's own messages ("Terminating due to java.lang.OutOfMemoryError") go to
                // stdout by default, which carries the protocol: they go to stderr, with the log.
                "-XX:+DisplayVMOutputToStderr",
                "-Dfile.encoding=UTF-8",
                // The quick compiler only: measured over 200-250 reports, a reading child spends half
                // the CPU per report with C1 alone (42 vs 79 ms), the optimising compiler still being
                // at work when a batch ends.
                "-XX:TieredStopAtLevel=1"));
        // Sorted: the same settings always give the same command line.
        new java.util.TreeMap<>(settings.properties()).forEach((k, v) -> options.add("-D" + k + "=" + v));
        Path archive = classDataArchive();
        if (archive != null) {
            // The classes a check loads, already parsed and verified: a child starts in about half
            // the CPU. An archive of another JVM build or an older jar is ignored by the JVM, silently.
            options.addAll(List.of("-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                    "-XX:SharedArchiveFile=" + archive));
        }
        return options;
    }

    /** The archive beside the jixiao jar the parent runs from; null when there is none (tests, classes folders). */
    static Path classDataArchive() {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (p.getFileName() != null && p.getFileName().toString().equals("jixiao.jar")) {
                Path archive = p.resolveSibling(CLASS_DATA_ARCHIVE);
                if (java.nio.file.Files.isRegularFile(archive)) return archive;
            }
        }
        return null;
    }

    /** The parent's class path, absolute, so the child finds the same classes from any directory. */
    static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isEmpty())
                .map(s -> Path.of(s).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
