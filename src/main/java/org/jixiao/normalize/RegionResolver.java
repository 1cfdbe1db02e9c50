package org.jixiao.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jixiao.mapping.Mappings;

/**
 * Finds the administrative region a report belongs to, against the GB/T 2260 table shipped in
 * {@code mappings/regions/gbt2260.csv} (code, name, parent code). The header sources (title,
 * department, unit) are trusted first and their most specific region wins; prose only decides
 * when the header names none, because narratives list many regions a project merely serves.
 */
public final class RegionResolver {

    /** A region and its ancestors, most specific first. */
    public record Region(String code, String name, String parentCode) {
    }

    private final Map<String, Region> byCode = new HashMap<>();
    private final List<Region> all = new ArrayList<>();

    public RegionResolver(Mappings mappings) {
        try (InputStream in = mappings.open("regions/gbt2260.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                Region region = new Region(f[0].strip(), f[1].strip(), f.length > 2 && !f[2].isBlank() ? f[2].strip() : null);
                byCode.put(region.code(), region);
                all.add(region);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping regions/gbt2260.csv", e);
        }
    }

    /** The region, or null when none is named. */
    public Region resolve(List<String> headerTexts, String prose) {
        Region best = null;
        for (String text : headerTexts) {
            if (text == null) continue;
            for (Region r : all) {
                if (text.contains(r.name()) && (best == null || depth(r) > depth(best))) best = r;
            }
        }
        if (best != null || prose == null) return best;
        int bestCount = 0;
        for (Region r : all) {
            int count = count(prose, r.name());
            if (count > bestCount || (count == bestCount && count > 0 && depth(r) < depth(best))) {
                best = r;
                bestCount = count;
            }
        }
        return best;
    }

    /** The region and its ancestors, most specific first. */
    public List<Region> lineage(String code) {
        List<Region> out = new ArrayList<>();
        Region r = byCode.get(code);
        while (r != null) {
            out.add(r);
            r = r.parentCode() == null ? null : byCode.get(r.parentCode());
        }
        return out;
    }

    private int depth(Region r) {
        return lineage(r.code()).size();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) n++;
        return n;
    }
}
