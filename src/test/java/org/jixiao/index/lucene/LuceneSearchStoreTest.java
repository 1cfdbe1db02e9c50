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

    /**
     * An index written by an earlier version holds small counters as {@code indexedAt}; the wall
     * clock's microseconds that versions get now are far above them, so a new version still comes
     * after the old ones and becomes current.
     */
    @Test
    void aNewVersionComesAfterVersionsCountedByAnEarlierRelease() throws Exception {
        java.util.function.Function<String, org.jixiao.model.Report> version = sha -> ReportFixture.report(sha).project("甲项目")
                .indicator("产出指标", "数量指标", "设备维护次数").build();
        try (SearchStore old = openStore()) {
            String series = ReportIndex.series(version.apply("v1"));
            old.add(version.apply("v1"), new SearchStore.Version("v1", series, 1, false));
            old.add(version.apply("v2"), new SearchStore.Version("v2", series, 2, true));
        }
        try (ReportIndex index = ReportIndex.over(openStore())) {
            assertEquals(ReportIndex.Outcome.SUPERSEDED, index.add(version.apply("v3")));
            index.commit();
            assertEquals(java.util.List.of("v3", "v2", "v1"), index.history("v1").stream().map(org.jixiao.index.SearchResult.Hit::sha256).toList());
            assertEquals(java.util.List.of(true, false, false), index.history("v1").stream().map(org.jixiao.index.SearchResult.Hit::current).toList());
        }
        try (SearchStore store = openStore()) {
            long v3 = store.version("v3").orElseThrow().indexedAt();
            assertTrue(v3 > 1_000_000_000_000_000L, "microseconds since 1970: " + v3);
            assertTrue(store.shared() == false && store.versionsOf(ReportIndex.series(version.apply("v1"))).size() == 3);
        }
    }

    @Test
    void searchingWhereThereIsNoIndexSaysSo(@TempDir Path empty) {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> LuceneSearchStore.openReader(empty.resolve("none")));
        assertTrue(e.getMessage().contains("索引目录不存在"), e.getMessage());
    }
}
