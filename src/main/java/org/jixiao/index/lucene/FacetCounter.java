package org.jixiao.index.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;

/**
 * Facet counts over the sorted-set doc values {@link FacetsConfig} writes, for one searcher: the
 * matches of each slice of segments are counted on that slice's thread into a plain array of global
 * ordinals, and the arrays summed. Lucene's concurrent counts share one atomic array instead (the
 * same few years and kinds on every entry make its cache lines bounce between the cores), and its
 * sequential counts leave the other cores idle. Labels are looked up once per ordinal and kept for
 * the searcher's life, since the same provinces and years head every result; looking them up in the
 * terms dictionary on every query cost as much as counting.
 */
final class FacetCounter {

    private final SortedSetDocValuesReaderState state;
    private final TaskExecutor executor;
    /** The last path component of each global ordinal, filled on first use. */
    private final AtomicReferenceArray<String> labels;
    /** Global ordinal of each hierarchical path asked for ("地区/江苏省"). */
    private final Map<String, Integer> pathOrds = new ConcurrentHashMap<>();

    /** @param executor the searcher's: runs one task on the calling thread and the others on its pool */
    FacetCounter(SortedSetDocValuesReaderState state, TaskExecutor executor) {
        this.state = state;
        this.executor = executor;
        this.labels = new AtomicReferenceArray<>(state.getSize());
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

    /** The counts of every slice's matches, each slice counted on a search thread (the caller's among them). */
    Counts count(List<FacetsCollector> slices) throws IOException {
        SortedSetDocValues top = state.getDocValues();
        OrdinalMap ordinals = top instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
        List<Callable<int[]>> tasks = new ArrayList<>();
        for (FacetsCollector slice : slices) {
            if (slice.getMatchingDocs().stream().anyMatch(m -> m.totalHits > 0)) tasks.add(() -> count(slice, ordinals));
        }
        int[] counts = new int[state.getSize()];
        for (int[] sliceCounts : executor.invokeAll(tasks)) {
            for (int i = 0; i < sliceCounts.length; i++) counts[i] += sliceCounts[i];
        }
        return new Counts(counts);
    }

    private int[] count(FacetsCollector slice, OrdinalMap ordinals) throws IOException {
        int[] counts = new int[state.getSize()];
        for (MatchingDocs m : slice.getMatchingDocs()) {
            if (m.totalHits == 0) continue;
            SortedSetDocValues values = DocValues.getSortedSet(m.context.reader(), state.getField());
            LongValues global = ordinals == null ? LongValues.IDENTITY : ordinals.getGlobalOrds(m.context.ord);
            DocIdSetIterator docs = m.bits.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (!values.advanceExact(doc)) continue;
                for (int i = 0, n = values.docValueCount(); i < n; i++) counts[(int) global.get(values.nextOrd())]++;
            }
        }
        return counts;
    }

    /** One value of a dimension and how many matches hold it. */
    record Count(String label, int count) {
    }

    /**
     * The children of a dimension or path: the {@code topN} with most matches (ties in label
     * order), and how many have any.
     */
    record Children(List<Count> top, int childCount) {
    }

    /** The summed counts of one search. */
    final class Counts {

        private final int[] counts;

        private Counts(int[] counts) {
            this.counts = counts;
        }

        /** Children of {@code path} in {@code dim}, or null when the dimension or path was never indexed. */
        Children topChildren(int topN, String dim, String... path) throws IOException {
            PrimitiveIterator.OfInt children = children(dim, path);
            if (children == null) return null;
            List<Integer> ords = new ArrayList<>();
            while (children.hasNext()) {
                int ord = children.nextInt();
                if (counts[ord] > 0) ords.add(ord);
            }
            // Ordinals are in label order (the terms are sorted), so a stable sort by count keeps ties in label order.
            ords.sort((a, b) -> Integer.compare(counts[b], counts[a]));
            List<Count> top = new ArrayList<>(Math.min(topN, ords.size()));
            for (int ord : ords.subList(0, Math.min(topN, ords.size()))) top.add(new Count(label(ord), counts[ord]));
            return new Children(top, ords.size());
        }

        private PrimitiveIterator.OfInt children(String dim, String... path) throws IOException {
            if (!state.getFacetsConfig().getDimConfig(dim).hierarchical) {
                if (path.length > 0) throw new IllegalArgumentException(dim + " is not hierarchical");
                OrdRange range = state.getOrdRange(dim);
                return range == null ? null : range.iterator();
            }
            SortedSetDocValuesReaderState.DimTree tree = state.getDimTree(dim);
            if (tree == null) return null;
            int pathOrd = path.length == 0 ? tree.dimStartOrd : pathOrd(dim, path);
            return pathOrd < 0 ? null : tree.iterator(pathOrd);
        }
    }

    private int pathOrd(String dim, String... path) throws IOException {
        String key = FacetsConfig.pathToString(dim, path);
        Integer ord = pathOrds.get(key);
        if (ord == null) {
            ord = (int) state.getDocValues().lookupTerm(new BytesRef(key));
            pathOrds.put(key, ord);
        }
        return ord;
    }

    private String label(int ord) throws IOException {
        String label = labels.get(ord);
        if (label == null) {
            String[] parts = FacetsConfig.stringToPath(state.getDocValues().lookupOrd(ord).utf8ToString());
            label = parts[parts.length - 1];
            labels.set(ord, label);
        }
        return label;
    }
}
