package org.jixiao.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.FigureQuery;
import org.jixiao.model.PageHighlights;
import org.jixiao.model.PageImage;
import org.jixiao.pipeline.hostile.HostileCorpus;
import org.junit.jupiter.api.Test;

/**
 * The original's pages as the service shows them are drawn and searched in a reading child: the
 * same image and rectangles as in process, a page out of range answered with the count, a file
 * that is no PDF never sent to a child, and a page that would be drawn for days stopped at the
 * time limit with its child killed.
 */
class PageWorkerTest {

    private static final Path FARMLAND = Path.of("corpus/changsha-county-2022-self-eval-farmland/changsha-county-2022-self-eval-farmland.pdf");
    private static final Path TEXT = Path.of("corpus/qingdao-2019-self-eval-mof/qingdao-2019-self-eval-mof.txt");
    /** Above what drawing a corpus page costs in a cold child on a loaded 2-core machine (a few seconds). */
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Test
    void pagesAreDrawnAndSearchedInAChildAsInProcess() throws Exception {
        byte[] pdf = Files.readAllBytes(FARMLAND);
        Limits limits = new Limits(Limits.DEFAULT.maxBytes(), Limits.DEFAULT.maxPages(), TIMEOUT);
        try (Pipeline inProcess = new Pipeline(Mappings.bundled());
             Pipeline isolated = Pipeline.isolated(Mappings.bundled(), limits, new WorkerSettings(1, WorkerSettings.DEFAULT_MEMORY_MB, null))) {
            assertEquals(0, isolated.pageCount("q.txt", Files.readAllBytes(TEXT)), "a text file has no pages");
            assertEquals(List.of(), isolated.workerPids(), "and needs no child");
            UnreadableInputException notPdf = assertThrows(UnreadableInputException.class,
                    () -> isolated.renderPage("q.txt", Files.readAllBytes(TEXT), 1));
            assertEquals(Pipeline.NOT_PAGED, notPdf.reason());

            assertEquals(2, isolated.pageCount("f.pdf", pdf));
            assertEquals(1, isolated.workerPids().size(), "counted by a child");
            PageImage drawn = isolated.renderPage("f.pdf", pdf, 1);
            assertArrayEquals(inProcess.renderPage("f.pdf", pdf, 1).png(), drawn.png());
            PageHighlights marked = isolated.highlights("f.pdf", pdf, new FigureQuery(1, "101.63", "执行率", true));
            assertEquals(inProcess.highlights("f.pdf", pdf, new FigureQuery(1, "101.63", "执行率", true)), marked);
            assertFalse(marked.boxes().isEmpty());
            PageImage none = isolated.renderPage("f.pdf", pdf, 7);
            assertFalse(none.exists());
            assertEquals(2, none.pages());
            assertEquals(1, isolated.workerPids().size(), "one warm child, reused");
        }
    }

    @Test
    void aPageThatWouldBeDrawnForDaysIsStoppedAtTheTimeLimit() throws Exception {
        byte[] fanOut = HostileCorpus.formFanOut();
        Limits limits = new Limits(Limits.DEFAULT.maxBytes(), Limits.DEFAULT.maxPages(), TIMEOUT);
        try (Pipeline isolated = Pipeline.isolated(Mappings.bundled(), limits, new WorkerSettings(1, WorkerSettings.DEFAULT_MEMORY_MB, null))) {
            assertEquals(1, isolated.pageCount("fan-out.pdf", fanOut), "counting pages draws nothing");
            long child = isolated.workerPids().get(0);
            UnreadableInputException e = assertThrows(UnreadableInputException.class,
                    () -> isolated.renderPage("fan-out.pdf", fanOut, 1));
            assertEquals(Pipeline.timeoutReason(limits), e.reason());
            assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the child drawing it was killed");
            assertTrue(isolated.workerPids().isEmpty(), "no child left drawing");
        }
    }
}
