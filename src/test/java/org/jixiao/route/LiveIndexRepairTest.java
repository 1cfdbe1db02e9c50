package org.jixiao.route;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jixiao.index.SearchRequest;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Report;
import org.jixiao.normalize.RegionResolver;
import org.jixiao.pipeline.Corpus;
import org.jixiao.pipeline.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jixiao.index.SearchLocation;

/**
 * The service's index on a real disk that fills up: the commit fails (Lucene may close its writer
 * for good), the failure is reported once, and after space returns a repair makes the same index
 * writable again without a restart, keeping what was committed before.
 */
class LiveIndexRepairTest {

    @TempDir
    Path tmp;

    @Test
    void anIndexWhoseCommitFailedOnAFullDiskIsWritableAgainAfterRepair() throws Exception {
        Pipeline pipeline = new Pipeline(Mappings.bundled());
        List<Path> inputs = Corpus.goldenTextInputs();
        Report before = pipeline.process(inputs.get(0));
        Report during = pipeline.process(inputs.get(1));
        Report after = pipeline.process(inputs.get(2));
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), 8)) {
            AtomicReference<Throwable> told = new AtomicReference<>();
            LiveIndex index = LiveIndex.open(() -> SearchLocation.lucene(disk.root().resolve("index")).openWriter(new RegionResolver(Mappings.bundled())));
            try {
                index.onWriteFailure(told::set);
                index.add(before);
                index.commit();

                disk.fill();
                // The report's segment is flushed at the commit, which finds no room.
                try {
                    index.add(during);
                    index.commit();
                } catch (IOException | RuntimeException expected) {
                    // either step may fail, depending on when Lucene flushes
                }
                assertTrue(told.get() != null, "the failed write is reported");
                assertTrue(StorageGuard.noSpace(told.get()), "as a full disk: " + told.get());
                assertTrue(index.needsRepair());
                assertThrows(IOException.class, index::repair, "no repair while the disk is still full");

                disk.free();
                index.repair();
                assertFalse(index.needsRepair());
                index.add(after);
                index.commit();
                assertTrue(index.contains(before.source().sha256()), "what was committed before the disk filled is kept");
                assertTrue(index.contains(after.source().sha256()), "and the index takes reports again");
                var hits = index.search(SearchRequest.text(null).withLimit(100)).hits();
                assertTrue(hits.stream().anyMatch(h -> after.source().sha256().equals(h.sha256())), "searchable");
            } finally {
                index.close();
            }
        }
    }
}
