package org.jixiao.normalize;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jixiao.normalize.RegionResolver.Region;

/**
 * Every name a region is written under (full name, and the short forms people use: 湖北, 江阴,
 * 恩施州) in a character trie, so that one left-to-right pass over a text finds all region names
 * in it in time proportional to the text, however many regions the table holds.
 *
 * <p>Matching is leftmost-longest and non-overlapping: at each position the longest known name
 * wins and the scan continues after it. That is what keeps a short name from being read inside a
 * longer region name (江苏 inside 江苏省, 栖霞 inside 栖霞区) and splits 江苏省江阴市 into 江苏省 and
 * 江阴市.
 */
final class RegionNameIndex {

    /**
     * Short names must have at least this many characters. One-character stems (沛 of 沛县, 津 of
     * 津市市) are part of too many ordinary words.
     */
    static final int MIN_SHORT_NAME_LENGTH = 2;

    /**
     * County-level full names shorter than this (沛县, 城区, 高县, 范县) are also two-character
     * fragments of everyday phrases (提高县级, 示范县, 城区道路); a mention of one only counts when
     * one of its ancestors is named in the same report (徐州市沛县, 阳泉市城区).
     */
    static final int MIN_STANDALONE_COUNTY_NAME_LENGTH = 3;

    /** Administrative levels, as given to the constructor. */
    static final int PROVINCE = 0;
    static final int PREFECTURE = 1;
    static final int COUNTY = 2;

    /** Suffixes of autonomous regions; what precedes them is a place name plus nationalities. */
    private static final List<String> AUTONOMOUS_SUFFIXES = List.of("自治区", "自治州", "自治县", "自治旗");
    private static final List<String> PROVINCE_SUFFIXES = List.of("特别行政区", "省", "市");
    private static final List<String> PREFECTURE_SUFFIXES = List.of("地区", "市", "盟");
    private static final List<String> COUNTY_SUFFIXES = List.of("市");
    /**
     * 神农架林区 is a county-level 林区 and is called 神农架; but 万柏林区 is a 市辖区 whose name
     * merely ends in 林. GB/T 2260 numbers 市辖区 01-20, so only higher numbers are 林区 proper.
     */
    private static final String FOREST_AREA_SUFFIX = "林区";
    private static final int LAST_CITY_DISTRICT_NUMBER = 20;

    /**
     * One name as found in a text: the regions it may denote (several for 鼓楼区, 朝阳区), and
     * whether it only counts when an ancestor of it is named too (沛县, 兴城市).
     */
    record Mention(String name, List<Region> candidates, boolean needsAncestor) {
    }

    /**
     * The names of a table in a character trie: {@link #longestAt} finds the longest name starting
     * at a position in time proportional to that name, however many names there are.
     */
    private static final class NameTrie {
        private static final class Node {
            final Map<Character, Node> next = new HashMap<>(4);
            String name;
        }

        private final Node root = new Node();

        void add(String name) {
            Node n = root;
            for (int i = 0; i < name.length(); i++) n = n.next.computeIfAbsent(name.charAt(i), c -> new Node());
            n.name = name;
        }

        /**
         * The names in a text, leftmost-longest, whitespace ignored (PDF text spaces out 湖 北 省):
         * each match is handed to {@code found}, which makes the mention.
         */
        List<Mention> scan(String text, java.util.function.Function<String, Mention> found) {
            List<Mention> out = new ArrayList<>();
            if (text == null || text.isEmpty()) return out;
            String s = withoutWhitespace(text);
            int i = 0;
            while (i < s.length()) {
                String name = longestAt(s, i);
                if (name == null) {
                    i++;
                    continue;
                }
                out.add(found.apply(name));
                i += name.length();
            }
            return out;
        }

        /** The longest name that starts at {@code i} in {@code s}, or null. */
        String longestAt(String s, int i) {
            String longest = null;
            Node n = root;
            for (int j = i; j < s.length(); j++) {
                n = n.next.get(s.charAt(j));
                if (n == null) break;
                if (n.name != null) longest = n.name;
            }
            return longest;
        }
    }

    private final NameTrie trie = new NameTrie();
    private final Map<String, List<Region>> regionsByName = new HashMap<>();
    private final Map<String, Integer> level;
    private final Set<String> confirmOnly;

    /**
     * @param regions     the table
     * @param level      administrative level of each region: {@link #PROVINCE}, {@link #PREFECTURE} or {@link #COUNTY}
     * @param ethnicNames nationality names found inside autonomous-region names (土家族, 蒙古族)
     * @param notRegionWords names that are usually ordinary words: a short name listed here is not
     *                    accepted at all (合作 of 合作市), a full name only when an ancestor is also
     *                    named (兴城市 inside 振兴城市 vs 辽宁省兴城市)
     */
    RegionNameIndex(Collection<Region> regions, Map<String, Integer> level, List<String> ethnicNames,
                    Set<String> notRegionWords) {
        List<String> affixes = ethnicAffixes(ethnicNames);
        Map<String, List<Region>> shortNames = new LinkedHashMap<>();
        for (Region r : regions) {
            regionsByName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
            for (String s : shortNames(r, level.get(r.code()), affixes)) {
                if (s.length() >= MIN_SHORT_NAME_LENGTH && !notRegionWords.contains(s)) {
                    shortNames.computeIfAbsent(s, k -> new ArrayList<>()).add(r);
                }
            }
        }
        // 河南县 (for 河南蒙古族自治县) would swallow 河南县级财政, and 本溪县 is as well read as
        // 本溪 + 县: an autonomous county's 县/旗 form is dropped when its stem names another region.
        shortNames.keySet().removeIf(s -> {
            String stem = s.substring(0, s.length() - 1);
            return (s.endsWith("县") || s.endsWith("旗"))
                    && (shortNames.containsKey(stem) || regionsByName.containsKey(stem));
        });
        // A short name that is some region's full name, or is shared, goes to the full name or to
        // the highest level sharing it: 吉林 is 吉林省 (not 吉林市), 海南 is 海南省 (not 海南藏族自治州),
        // 和田 is 和田地区 (not 和田市 inside it).
        // Plain loops rather than streams: this runs for thousands of names at every start, in a
        // JVM that has not compiled anything yet.
        for (Map.Entry<String, List<Region>> e : shortNames.entrySet()) {
            if (regionsByName.containsKey(e.getKey())) continue;
            int top = Integer.MAX_VALUE;
            for (Region r : e.getValue()) top = Math.min(top, level.get(r.code()));
            List<Region> highest = new ArrayList<>(e.getValue().size());
            for (Region r : e.getValue()) {
                if (level.get(r.code()) == top && !highest.contains(r)) highest.add(r);
            }
            regionsByName.put(e.getKey(), Collections.unmodifiableList(highest));
        }
        for (String name : regionsByName.keySet()) trie.add(name);
        this.level = level;
        this.confirmOnly = new HashSet<>(notRegionWords);
        this.confirmOnly.retainAll(regionsByName.keySet());
    }

    /** The regions a name (full or short) denotes; empty when it is not a region name. */
    List<Region> regions(String name) {
        return regionsByName.getOrDefault(name, List.of());
    }

    /** The region names in a text, in order. Whitespace is ignored (PDF text spaces out 湖 北 省). */
    List<Mention> mentions(String text) {
        return trie.scan(text, found -> {
            List<Region> candidates = regionsByName.get(found);
            boolean shortCounty = found.length() < MIN_STANDALONE_COUNTY_NAME_LENGTH
                    && candidates.stream().allMatch(r -> level.get(r.code()) == COUNTY && r.name().equals(found));
            return new Mention(found, candidates, shortCounty || confirmOnly.contains(found));
        });
    }

    /**
     * The township-level names (乡镇/街道, {@code mappings/regions/townships.csv}) in their own trie,
     * read only when a report's header names no county: a form filed by 坝塘镇 or 太白镇人民政府
     * belongs to the township's county. Kept apart from the region names so that a township never
     * hides a region name in the same text, and so that the 40 000 names are only loaded when a
     * header needs them.
     *
     * <p>Only full names with their 镇/乡/街道/苏木 suffix are matched. Without it the stems are
     * mostly two characters (坝塘, 太白, 新华, 城关) and run into ordinary words and people's names;
     * see the README in mappings/regions.
     */
    static final class Townships {

        /**
         * Shorter names (张镇, 新镇, 龙镇) are one character plus the suffix and occur inside
         * ordinary words; the table leaves them out as well.
         */
        static final int MIN_TOWNSHIP_NAME_LENGTH = 3;

        private final NameTrie trie = new NameTrie();
        private final Map<String, List<Region>> countiesByName = new HashMap<>();
        private final Set<String> confirmOnly;

        /**
         * @param counties     each township name with the region it lies in, one entry per row of the
         *                     table (a name many counties share, 城关镇, comes once per county)
         * @param notRegionWords township names that are usually ordinary words (小城镇): they count
         *                     only when an ancestor of their county is named, as if shared
         */
        Townships(List<Map.Entry<String, Region>> counties, Set<String> notRegionWords) {
            for (Map.Entry<String, Region> e : counties) {
                if (e.getKey().length() < MIN_TOWNSHIP_NAME_LENGTH) continue;
                List<Region> list = countiesByName.computeIfAbsent(e.getKey(), k -> new ArrayList<>(1));
                if (!list.contains(e.getValue())) list.add(e.getValue());
            }
            for (String name : countiesByName.keySet()) trie.add(name);
            this.confirmOnly = new HashSet<>(notRegionWords);
        }

        /**
         * The township names in a text, leftmost-longest like region names. A mention's candidates
         * are the regions the township may lie in; it needs an ancestor named when there are several
         * (城关镇) or the name is also an ordinary word.
         */
        List<Mention> mentions(String text) {
            return trie.scan(text, found -> {
                List<Region> candidates = List.copyOf(countiesByName.get(found));
                return new Mention(found, candidates, candidates.size() > 1 || confirmOnly.contains(found));
            });
        }
    }

    private static String withoutWhitespace(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) b.append(c);
        }
        return b.toString();
    }

    /** The short forms of one region's name, before the length and stop-word filters. */
    static List<String> shortNames(Region r, int level, List<String> ethnicAffixes) {
        String name = r.name();
        for (String suffix : AUTONOMOUS_SUFFIXES) {
            if (!name.endsWith(suffix)) continue;
            String core = withoutNationalities(name.substring(0, name.length() - suffix.length()), ethnicAffixes);
            if (core == null) return List.of();
            // 自治州 → 恩施 and 恩施州; 自治县/旗 → only 长阳县, 长阳 alone is too small a place to
            // stand for itself; 自治区 → 广西.
            String unit = suffix.substring(suffix.length() - 1);
            return switch (level) {
                case PROVINCE -> List.of(core);
                case PREFECTURE -> List.of(core, core + unit);
                // 彭水自治县: the printed short form keeps 自治县.
                default -> List.of(core + unit, core + suffix);
            };
        }
        if (level == COUNTY && name.endsWith(FOREST_AREA_SUFFIX)
                && Integer.parseInt(r.code().substring(4)) > LAST_CITY_DISTRICT_NUMBER) {
            return List.of(name.substring(0, name.length() - FOREST_AREA_SUFFIX.length()));
        }
        List<String> suffixes = switch (level) {
            case PROVINCE -> PROVINCE_SUFFIXES;
            case PREFECTURE -> PREFECTURE_SUFFIXES;
            default -> COUNTY_SUFFIXES;
        };
        for (String suffix : suffixes) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return List.of(name.substring(0, name.length() - suffix.length()));
            }
        }
        return List.of();
    }

    /**
     * 恩施土家族苗族 → 恩施: strips trailing nationality names while a place name of at least
     * {@link #MIN_SHORT_NAME_LENGTH} characters remains (so 内蒙古 keeps its 蒙古). Null when the
     * whole core is a nationality (东乡族自治县, 鄂伦春自治旗): such a short name would be a people,
     * not a place.
     */
    private static String withoutNationalities(String core, List<String> affixes) {
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String a : affixes) {
                if (core.endsWith(a) && core.length() - a.length() >= MIN_SHORT_NAME_LENGTH) {
                    core = core.substring(0, core.length() - a.length());
                    stripped = true;
                    break;
                }
            }
        }
        return affixes.contains(core) ? null : core;
    }

    /** Nationality names with 族 and, for names of two or more characters, without (蒙古, 哈萨克). */
    private static List<String> ethnicAffixes(List<String> ethnicNames) {
        List<String> out = new ArrayList<>();
        for (String n : ethnicNames) {
            out.add(n);
            if (n.endsWith("族") && n.length() - 1 >= MIN_SHORT_NAME_LENGTH) out.add(n.substring(0, n.length() - 1));
        }
        // Longest first, so 土家族 is stripped whole rather than as 土族 after 家.
        out.sort((a, b) -> b.length() - a.length());
        return out;
    }
}
