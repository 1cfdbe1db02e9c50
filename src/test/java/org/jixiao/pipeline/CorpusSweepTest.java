package org.jixiao.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Report;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under corpus/ (and the seeds) goes through the whole pipeline without an exception
 * other than a clear, named "cannot read this file".
 */
class CorpusSweepTest {

    private static final Pipeline PIPELINE = new Pipeline(Mappings.bundled());

    static List<Path> inputs() {
        List<Path> all = new ArrayList<>(Corpus.allInputs());
        Path seeds = Corpus.seeds();
        if (seeds != null) all.addAll(Corpus.inputs(seeds));
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void nothingThrows(Path input) {
        try {
            Report r = PIPELINE.process(input);
            assertNotNull(r.form(), "every report read names its form");
            assertNotNull(r.source().sha256());
        } catch (UnreadableInputException e) {
            assertTrue(e.getMessage().startsWith(input.getFileName().toString()), "error names the file: " + e.getMessage());
            assertFalse(e.reason().isBlank());
        }
    }
}
