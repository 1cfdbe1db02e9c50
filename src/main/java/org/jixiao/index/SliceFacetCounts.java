package org.jixiao.index;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.CollectorManager;

/**
 * Facet counts of one search, counted slice by slice in parallel and summed. Each slice of segments
 * the search ran on keeps its own matches ({@link #perSlice()}); each is counted on its own thread
 * into its own plain array, so no two threads ever touch one counter (Lucene's concurrent counts
 * share one atomic array, and with the same few years and kinds on every entry its cache lines
 * bounce between the cores). The sums are exact: a dimension's children are merged whole, and only
 * then cut to the top ones.
 */
final class SliceFacetCounts {

    private final List<Facets> parts;

    private SliceFacetCounts(List<Facets> parts) {
        this.parts = parts;
    }

    /** A collector manager keeping one {@link FacetsCollector} per slice, unmerged. */
    static CollectorManager<FacetsCollector, List<FacetsCollector>> perSlice() {
        return new CollectorManager<>() {
            @Override
            public FacetsCollector newCollector() {
                return new FacetsCollector(false);
            }

            @Override
            public List<FacetsCollector> reduce(Collection<FacetsCollector> collectors) {
                return List.copyOf(collectors);
            }
        };
    }

    /** Counts every slice's matches, on {@code pool} when there is one and more than one slice. */
    static SliceFacetCounts count(SortedSetDocValuesReaderState state, List<FacetsCollector> slices,
                                  ExecutorService pool) throws IOException {
        List<Callable<Facets>> tasks = new ArrayList<>();
        for (FacetsCollector slice : slices) {
            if (slice.getMatchingDocs().stream().anyMatch(m -> m.totalHits > 0)) {
                tasks.add(() -> new SortedSetDocValuesFacetCounts(state, slice));
            }
        }
        List<Facets> parts = new ArrayList<>(tasks.size());
        if (pool == null || tasks.size() < 2) {
            for (Callable<Facets> task : tasks) parts.add(call(task));
            return new SliceFacetCounts(parts);
        }
        // The caller counts the first slice itself while the pool counts the others.
        List<Future<Facets>> futures = new ArrayList<>();
        for (Callable<Facets> task : tasks.subList(1, tasks.size())) futures.add(pool.submit(task));
        parts.add(call(tasks.get(0)));
        for (Future<Facets> f : futures) {
            try {
                parts.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("统计分面时被中断");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) throw io;
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new IllegalStateException(e.getCause());
            }
        }
        return new SliceFacetCounts(parts);
    }

    private static Facets call(Callable<Facets> task) throws IOException {
        try {
            return task.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The {@code topN} children of {@code path} in {@code dim} with the most matches (ties in label
     * order, as Lucene orders them), and how many children have any; null when none has.
     */
    FacetResult topChildren(int topN, String dim, String... path) throws IOException {
        Map<String, Long> sums = new HashMap<>();
        for (Facets part : parts) {
            FacetResult r = part.getAllChildren(dim, path);
            if (r == null) continue;
            for (LabelAndValue lv : r.labelValues) sums.merge(lv.label, lv.value.longValue(), Long::sum);
        }
        if (sums.isEmpty()) return null;
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(sums.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        LabelAndValue[] top = sorted.stream().limit(topN).map(e -> new LabelAndValue(e.getKey(), e.getValue()))
                .toArray(LabelAndValue[]::new);
        long total = sums.values().stream().mapToLong(Long::longValue).sum();
        return new FacetResult(dim, path, total, top, sums.size());
    }
}
