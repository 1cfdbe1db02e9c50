package org.jixiao.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jixiao.extract.ocr.OcrProcess;
import org.junit.jupiter.api.Test;

/** The reading child's JVM options: its OCR engine gets its share of the machine's cores, and what the caller sets wins. */
class WorkerCommandTest {

    private static List<String> options(int workers, Map<String, String> properties) {
        return new WorkerCommand(new WorkerSettings(workers, WorkerSettings.DEFAULT_MEMORY_MB, null, properties), Limits.DEFAULT)
                .jvmOptions();
    }

    private static String threadsOption(List<String> options) {
        return options.stream().filter(o -> o.startsWith("-D" + OcrProcess.THREADS_PROPERTY + "=")).findFirst().orElseThrow();
    }

    @Test
    void eachChildsOcrEngineGetsItsShareOfTheCores() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals("-D" + OcrProcess.THREADS_PROPERTY + "=" + cores, threadsOption(options(1, Map.of())));
        assertEquals("-D" + OcrProcess.THREADS_PROPERTY + "=" + Math.max(1, cores / 2), threadsOption(options(2, Map.of())));
        // More children than cores: still one thread each, never zero.
        assertEquals("-D" + OcrProcess.THREADS_PROPERTY + "=1", threadsOption(options(cores + 1, Map.of())));
    }

    @Test
    void aThreadCountGivenByTheCallerIsKept() {
        List<String> options = options(2, Map.of(OcrProcess.THREADS_PROPERTY, "3"));
        assertEquals("-D" + OcrProcess.THREADS_PROPERTY + "=3", threadsOption(options));
        assertEquals(1, options.stream().filter(o -> o.contains(OcrProcess.THREADS_PROPERTY)).count(), options.toString());
        assertTrue(options.contains("-XX:+ExitOnOutOfMemoryError"), options.toString());
    }
}
