package org.jixiao.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.jixiao.index.IndexLockedException;
import org.jixiao.index.InvalidQueryException;
import org.jixiao.index.ReportFixture;
import org.jixiao.index.ReportIndex;
import org.jixiao.index.SearchRequest;
import org.jixiao.index.SearchStore;
import org.jixiao.index.SearchStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded Lucene index against the search store's contract, and what only it does (one writer per folder). */
class LuceneSearchStoreTest extends SearchStoreContract {

    @TempDir
    Path dir;

    @Override
    protected SearchStore openStore() throws IOException {
        return LuceneSearchStore.open(dir, ReportFixture.REGIONS);
    }

    @Override
    protected SearchStore openReader() throws IOException {
        return LuceneSearchStore.openReader(dir);
    }

    @Test
    void oneWriterAtATime() throws Exception {
        try (ReportIndex first = ReportIndex.over(openStore())) {
            IndexLockedException e = assertThrows(IndexLockedException.class, this::openStore);
            assertTrue(e.getMessage().contains("正被另一个进程写入"), e.getMessage());
        }
    }

    @Test
    void aReaderSearchesWhileAWriterHoldsTheIndexAndSeesItsCommitsAfterARefresh() throws Exception {
        try (ReportIndex writer = ReportIndex.over(openStore())) {
            writer.add(ReportFixture.report("a").project("甲项目").indicator("产出指标", "数量指标", "设备维护次数").build());
            writer.commit();
            try (SearchStore reader = openReader()) {
                assertEquals(1, reader.search(SearchRequest.text("维护次数")).total());
                writer.add(ReportFixture.report("b").project("乙项目").indicator("产出指标", "数量指标", "道路维护次数").build());
                writer.commit();
                assertEquals(1, reader.search(SearchRequest.text("维护次数")).total(), "a point-in-time view until refreshed");
                reader.commit();
                assertEquals(2, reader.search(SearchRequest.text("维护次数")).total());
                assertThrows(IllegalStateException.class, () -> reader.delete("a"));
            }
        }
    }

    @Test
    void searchingWhereThereIsNoIndexSaysSo(@TempDir Path empty) {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> LuceneSearchStore.openReader(empty.resolve("none")));
        assertTrue(e.getMessage().contains("索引目录不存在"), e.getMessage());
    }
}
