package org.jixiao.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.mapping.Mappings;
import org.jixiao.output.ReportJson;
import org.junit.jupiter.api.Test;

/**
 * The service reads files on several workers through one pipeline: a report read among others
 * is the report read alone (no reader keeps one document's state for the next).
 */
class ParallelReadingTest {

    private static final int THREADS = 4;
    private static final int ROUNDS = 2;

    private static String read(Pipeline pipeline, Path input) {
        try {
            return ReportJson.write(pipeline.process(input));
        } catch (UnreadableInputException e) {
            return "unreadable: " + e.reason();
        }
    }

    @Test
    void reportsReadInParallelEqualReportsReadAlone() throws Exception {
        Pipeline pipeline = new Pipeline(Mappings.bundled());
        List<Path> inputs = new ArrayList<>(Corpus.goldenTextInputs());
        inputs.addAll(Corpus.variantInputs());
        Map<Path, String> alone = new LinkedHashMap<>();
        for (Path p : inputs) alone.put(p, read(pipeline, p));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Map<Path, Future<String>> together = new LinkedHashMap<>();
                for (Path p : inputs) together.put(p, pool.submit(() -> read(pipeline, p)));
                for (Map.Entry<Path, Future<String>> e : together.entrySet()) {
                    assertEquals(alone.get(e.getKey()), e.getValue().get(), e.getKey() + " read among others");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
