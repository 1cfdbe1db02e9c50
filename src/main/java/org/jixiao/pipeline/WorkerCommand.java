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

    /** Options of the child's JVM. */
    public List<String> jvmOptions() {
        return List.of(
                // The memory one file may cost: past it the child stops at once (no half-working
                // heap), the parent sees the exit status and reports the file with the memory reason.
                "-Xmx" + settings.memoryMb() + "m",
                "-XX:+ExitOnOutOfMemoryError",
                // The JVM's own messages ("Terminating due to java.lang.OutOfMemoryError") go to
                // stdout by default, which carries the protocol: they go to stderr, with the log.
                "-XX:+DisplayVMOutputToStderr",
                "-Dfile.encoding=UTF-8");
    }

    /** The parent's class path, absolute, so the child finds the same classes from any directory. */
    static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isEmpty())
                .map(s -> Path.of(s).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
