package org.jixiao.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jixiao.mapping.Mappings;
import org.jixiao.normalize.RegionNameIndex.Mention;

/**
 * Finds the administrative region a report belongs to, against the GB/T 2260 table shipped in
 * {@code mappings/regions/gbt2260.csv} (code, name, parent code; see the README there).
 *
 * <ul>
 * <li>The header sources (title, department, unit, project name) are trusted first and the most
 * specific region they name wins; prose only decides when the header names none, because
 * narratives list many regions a project merely serves.</li>
 * <li>Names are recognised in full (江阴市) and in short form (江阴, 湖北, 恩施州); see
 * {@link RegionNameIndex} for which short forms are accepted.</li>
 * <li>A name several regions share (鼓楼区) is read as the one whose ancestor or descendant is
 * also named (南京市鼓楼区 → 320106); failing that, as their common ancestor, or not at all.</li>
 * <li>Regions named together must fit one branch of the hierarchy: 江苏省江阴市 gives 江阴市; when
 * they do not, the earlier header source (the title) wins.</li>
 * <li>When the header names no county, a township it names (坝塘镇, 太白镇人民政府; table
 * {@code mappings/regions/townships.csv}) gives the township's county, before any prose is read.
 * A township name several counties share (城关镇, 太平镇) counts only when the header also names
 * the county's city or province, and never against a region the header names.</li>
 * </ul>
 *
 * <p>The region indexes are built once in the constructor; the township index, ten times larger,
 * only when a header first needs it. Resolving is linear in the length of the texts.
 */
public final class RegionResolver {

    /** A region of the table; {@code parentCode} is null for provinces. */
    public record Region(String code, String name, String parentCode) {
    }

    /**
     * When the header names no region, the prose decides only if one region (with the regions
     * under it) accounts for more than this share of all region names in it; otherwise the report
     * is about too many places to claim one.
     */
    static final double PROSE_MAJORITY_SHARE = 0.5;

    static final String REGIONS_FILE = "regions/gbt2260.csv";
    static final String TOWNSHIPS_FILE = "regions/townships.csv";
    static final String ETHNIC_GROUPS_FILE = "regions/ethnic-groups.txt";
    static final String LOOKALIKE_WORDS_FILE = "regions/lookalike-words.txt";

    private final Map<String, Region> byCode = new LinkedHashMap<>();
    private final Map<String, Integer> level = new HashMap<>();
    private final RegionNameIndex names;
    private final Mappings mappings;
    private final Set<String> lookalikeWords;
    /** Built on first use by {@link #townships()}; most headers name their county and never need it. */
    private volatile RegionNameIndex.Townships townships;

    public RegionResolver(Mappings mappings) {
        this.mappings = mappings;
        for (String line : lines(mappings, REGIONS_FILE, true)) {
            String[] f = line.split(",", -1);
            Region region = new Region(f[0].strip(), f[1].strip(),
                    f.length > 2 && !f[2].isBlank() ? f[2].strip() : null);
            byCode.put(region.code(), region);
        }
        for (Region r : byCode.values()) {
            int depth = lineage(r.code()).size() - 1;
            // Districts of the municipalities and 省直辖 county-level cities hang directly under the
            // province but are counties, not prefectures: the code, not the depth, says which.
            level.put(r.code(), depth == 0 ? RegionNameIndex.PROVINCE
                    : r.code().endsWith("00") ? RegionNameIndex.PREFECTURE : RegionNameIndex.COUNTY);
        }
        lookalikeWords = new HashSet<>(lines(mappings, LOOKALIKE_WORDS_FILE, false));
        names = new RegionNameIndex(byCode.values(), level, lines(mappings, ETHNIC_GROUPS_FILE, false),
                lookalikeWords);
    }

    /**
     * The region the report belongs to, or null when none is named (or only ambiguously).
     *
     * @param headerTexts title, department, implementing unit, project name, most trusted first;
     *                    null entries are skipped
     * @param prose       the report's text, used only when the header names no region
     */
    public Region resolve(List<String> headerTexts, String prose) {
        List<List<Mention>> header = new ArrayList<>();
        for (String text : headerTexts) header.add(names.mentions(text));
        List<Mention> allHeader = header.stream().flatMap(List::stream).toList();
        List<Mention> proseMentions = null;

        Region best = null;
        for (List<Mention> source : header) {
            if (source.isEmpty()) continue;
            if (proseMentions == null && needsProse(source)) proseMentions = names.mentions(prose);
            Region here = null;
            for (Mention m : source) {
                Region r = pick(m, allHeader, proseMentions == null ? List.of() : proseMentions);
                if (r == null) continue;
                if (here == null || isAncestorOrSelf(here, r)) here = r;
                else if (!isAncestorOrSelf(r, here)) {
                    // Two branches in one text (武汉市、十堰市): the region covering both.
                    Region common = commonAncestor(here, r);
                    if (common != null) here = common;
                }
            }
            if (here == null) continue;
            if (best == null || isAncestorOrSelf(best, here)) best = here;
        }
        if (best == null || level.get(best.code()) < RegionNameIndex.COUNTY) {
            Region county = fromTownships(headerTexts, best, allHeader);
            if (county != null) return county;
        }
        if (best != null || prose == null) return best;
        return fromProse(proseMentions == null ? names.mentions(prose) : proseMentions);
    }

    /**
     * The county of a township the header names, or null. {@code named} is the region the header
     * names (a province or city; null when none): only townships under it count, and it is what
     * tells the counties of a shared name apart. With no region named, the header's unresolved
     * names (朝阳区 of 北京 or 长春) may still tell them apart. Header sources combine as region
     * names do: the first source that names a township wins, a later one only refines it.
     */
    private Region fromTownships(List<String> headerTexts, Region named, List<Mention> header) {
        Region found = null;
        for (String text : headerTexts) {
            Region here = null;
            for (Mention m : townships().mentions(text)) {
                Region county = townshipCounty(m, named, header);
                if (county == null) continue;
                if (here == null || isAncestorOrSelf(here, county)) here = county;
                else if (!isAncestorOrSelf(county, here)) {
                    Region common = commonAncestor(here, county);
                    if (common != null) here = common;
                }
            }
            if (here == null) continue;
            if (found == null || isAncestorOrSelf(found, here)) found = here;
        }
        return found;
    }

    private Region townshipCounty(Mention m, Region named, List<Mention> header) {
        List<Region> candidates = m.candidates();
        if (named != null) {
            List<Region> under = candidates.stream().filter(c -> isAncestorOrSelf(named, c)).toList();
            return under.size() == 1 ? under.get(0) : null;
        }
        List<Region> supported = candidates.stream()
                .filter(c -> header.stream().anyMatch(h -> h.candidates().stream().anyMatch(a -> isAncestorOrSelf(a, c))))
                .toList();
        if (supported.size() == 1) return supported.get(0);
        return m.needsAncestor() ? null : candidates.get(0);
    }

    /**
     * The township index, read from the mappings on first use. A mappings directory adapted before
     * the table existed has no townships.csv: it then resolves as before, by region names only.
     */
    private RegionNameIndex.Townships townships() {
        RegionNameIndex.Townships t = townships;
        if (t == null) {
            synchronized (this) {
                t = townships;
                if (t == null) {
                    t = new RegionNameIndex.Townships(townshipRows(), lookalikeWords);
                    townships = t;
                }
            }
        }
        return t;
    }

    private List<Map.Entry<String, Region>> townshipRows() {
        List<Map.Entry<String, Region>> out = new ArrayList<>();
        List<String> rows;
        try {
            rows = lines(mappings, TOWNSHIPS_FILE, true);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) return out;
            throw e;
        }
        for (String row : rows) {
            String[] f = row.split(",", -1);
            Region county = f.length == 2 ? byCode.get(f[1].strip()) : null;
            if (county == null) {
                throw new IllegalStateException("行政区划映射 " + TOWNSHIPS_FILE + " 中的行“" + row
                        + "”不是“名称,区划代码”，或其区划代码不在 " + REGIONS_FILE + " 中");
            }
            out.add(new AbstractMap.SimpleImmutableEntry<>(f[0].strip(), county));
        }
        return out;
    }

    /** The region and its ancestors, most specific first; empty for an unknown code. */
    public List<Region> lineage(String code) {
        List<Region> out = new ArrayList<>();
        Region r = byCode.get(code);
        while (r != null) {
            out.add(r);
            r = r.parentCode() == null ? null : byCode.get(r.parentCode());
        }
        return out;
    }

    /** The region with this GB/T 2260 code, or null. */
    public Region byCode(String code) {
        return code == null ? null : byCode.get(code.strip());
    }

    /**
     * The region a full or short name denotes (江苏 → 江苏省, 江阴市 → 江阴市), for filtering by
     * region; null when the name is unknown or shared by several regions (鼓楼区).
     */
    public Region find(String name) {
        if (name == null) return null;
        List<Region> found = names.regions(name.replaceAll("\\s+", ""));
        return found.size() == 1 ? found.get(0) : null;
    }

    /** Prose is only read to disambiguate the header when the header alone cannot. */
    private static boolean needsProse(List<Mention> source) {
        return source.stream().anyMatch(m -> m.candidates().size() > 1 || m.needsAncestor());
    }

    /**
     * The region one mention stands for. A shared name goes to the candidate best supported by the
     * other names in the header (an ancestor or descendant of it named there), then in the prose;
     * a tie goes to the candidates' common ancestor, or to nothing.
     */
    private Region pick(Mention m, List<Mention> header, List<Mention> prose) {
        List<Region> candidates = m.candidates();
        if (candidates.size() == 1 && !m.needsAncestor()) return candidates.get(0);
        for (List<Mention> context : List.of(header, prose)) {
            List<Region> bestSupported = mostSupported(m, candidates, context);
            if (bestSupported.size() == 1) return bestSupported.get(0);
            if (!bestSupported.isEmpty()) candidates = bestSupported;
        }
        if (m.needsAncestor()) return null;
        Region common = candidates.get(0);
        for (Region c : candidates) {
            common = common == null ? null : commonAncestor(common, c);
        }
        return common;
    }

    /**
     * The candidates with the most related regions named in the context; empty when none has any.
     * A short county name (沛县) is only supported by its ancestors, since naming a town inside it
     * is no evidence that the two characters meant the county.
     */
    private List<Region> mostSupported(Mention m, List<Region> candidates, List<Mention> context) {
        int top = 0;
        List<Region> out = new ArrayList<>();
        for (Region c : candidates) {
            int support = 0;
            for (Mention other : context) {
                if (other == m) continue;
                for (Region o : other.candidates()) {
                    if (o.equals(c)) continue;
                    if (isAncestorOrSelf(o, c) || (!m.needsAncestor() && isAncestorOrSelf(c, o))) {
                        support++;
                        break;
                    }
                }
            }
            if (support > top) {
                top = support;
                out.clear();
            }
            if (support == top && support > 0) out.add(c);
        }
        return out;
    }

    private Region fromProse(List<Mention> mentions) {
        Map<Region, Integer> counts = new HashMap<>();
        int total = 0;
        for (Mention m : mentions) {
            Region r = pick(m, mentions, List.of());
            if (r == null) continue;
            total++;
            for (Region up : lineage(r.code())) counts.merge(up, 1, Integer::sum);
        }
        Region best = null;
        for (Map.Entry<Region, Integer> e : counts.entrySet()) {
            if (e.getValue() <= total * PROSE_MAJORITY_SHARE) continue;
            if (best == null || depth(e.getKey()) > depth(best)) best = e.getKey();
        }
        return best;
    }

    private int depth(Region r) {
        return lineage(r.code()).size();
    }

    private boolean isAncestorOrSelf(Region ancestor, Region r) {
        for (Region up = r; up != null; up = up.parentCode() == null ? null : byCode.get(up.parentCode())) {
            if (up.code().equals(ancestor.code())) return true;
        }
        return false;
    }

    private Region commonAncestor(Region a, Region b) {
        for (Region up : lineage(a.code())) {
            if (isAncestorOrSelf(up, b)) return up;
        }
        return null;
    }

    /** Non-blank lines of a mapping file, without # comments; the CSV header is skipped. */
    private static List<String> lines(Mappings mappings, String file, boolean csvHeader) {
        List<String> out = new ArrayList<>();
        try (InputStream in = mappings.open(file);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            if (csvHeader) r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) out.add(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping " + file, e);
        }
        return out;
    }
}
