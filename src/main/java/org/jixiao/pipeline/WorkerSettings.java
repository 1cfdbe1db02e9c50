package org.jixiao.pipeline;

import java.nio.file.Path;

/**
 * How files are read in child processes ({@link WorkerPool}): how many children read at once, the
 * heap each may use, and the mapping files they load.
 *
 * @param workers     most children alive at once (each reads one file at a time)
 * @param memoryMb    the heap of each child ({@code -Xmx}); a file that needs more is unreadable
 *                    with the memory reason and its child is replaced
 * @param mappingsDir the {@code --mappings} folder, null for the built-in mappings
 * @param properties  system properties the children start with (the reading options a stage takes
 *                    from the JVM's settings, such as the OCR mode); empty for none
 */
public record WorkerSettings(int workers, int memoryMb, Path mappingsDir, java.util.Map<String, String> properties) {

    /**
     * 512 MB: the largest real report needs well under 200 MB to read, and two or three children of
     * this size still fit beside the service on a small machine.
     */
    public static final int DEFAULT_MEMORY_MB = 512;

    /** Each child is a JVM of its own (memory, start-up): more than this gains little on the machines jixiao runs on. */
    public static final int MAX_DEFAULT_WORKERS = 4;

    public WorkerSettings {
        if (workers < 1 || memoryMb < 1) throw new IllegalArgumentException("workers and memory must be at least 1");
        properties = properties == null ? java.util.Map.of() : java.util.Map.copyOf(properties);
    }

    public WorkerSettings(int workers, int memoryMb, Path mappingsDir) {
        this(workers, memoryMb, mappingsDir, null);
    }

    /**
     * One child per core but one, at least one, at most {@link #MAX_DEFAULT_WORKERS}: the parent
     * normalises, checks and writes while the children read, and needs a core for it. Measured on
     * 2 cores (`check` of 28 PDFs, 58 pages, 5 runs each): one child 2.31–2.70 s wall (median 2.45)
     * and 3.3 CPU s, two children 2.58–2.71 s (median 2.66) and 4.8 CPU s: a second JVM to start
     * and warm up, on the core the parent needs.
     */
    public static int defaultWorkers() {
        return Math.max(1, Math.min(MAX_DEFAULT_WORKERS, Runtime.getRuntime().availableProcessors() - 1));
    }

    /** The defaults, reading with the given mapping folder (null: built-in). */
    public static WorkerSettings defaults(Path mappingsDir) {
        return new WorkerSettings(defaultWorkers(), DEFAULT_MEMORY_MB, mappingsDir);
    }
}
