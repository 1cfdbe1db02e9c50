package org.jixiao.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jixiao.mapping.Taxonomy;
import org.jixiao.model.Indicator;
import org.jixiao.model.TextBlock;

/**
 * Indicators written as running text, as a 绩效目标设定的公示 prints them when it has no table:
 * "数量指标：…种植数量(≥**株)>=17600株；成活率(≥**%)>=85". Each indicator is anchored on its
 * template hint (≥**单位): the name is the clause before it, hint included as printed, the target
 * the clause after it; the 二级 is the last 数量指标/…目标 label before the name, the 一级 the
 * last enumerated heading (一、产出指标). Read only when a document has no indicator table.
 */
final class ProseIndicatorReader {

    private static final Pattern HINTED = Pattern.compile(
            "([^,，;；:：。]+?)\\s*([(（]\\s*(?:≥|≤|>=|<=|<|>|＞|＜|=)\\s*\\*+[^)）]*[)）])\\s*([^;；,，。]*)");
    private static final Pattern LEVEL_LABEL = Pattern.compile("([\\u4e00-\\u9fa5]{2,12}(?:指标|目标))\\s*[:：,，]");
    private static final Pattern HEADING = Pattern.compile("^\\s*[一二三四五六七八九十]+\\s*[、.．]\\s*([\\u4e00-\\u9fa5]{2,12})\\s*$");

    private final Taxonomy taxonomy;
    private final QuantityParser quantities;

    ProseIndicatorReader(Taxonomy taxonomy, QuantityParser quantities) {
        this.taxonomy = taxonomy;
        this.quantities = quantities;
    }

    List<Indicator> read(List<TextBlock> prose) {
        List<Indicator> out = new ArrayList<>();
        String level1 = null;
        for (TextBlock block : prose) {
            String text = block.text();
            Matcher h = HEADING.matcher(text);
            if (h.matches() && taxonomy.isLevel1(h.group(1))) {
                level1 = h.group(1);
                continue;
            }
            Matcher m = HINTED.matcher(text);
            while (m.find()) {
                String name = m.group(1).strip() + m.group(2).strip();
                String target = m.group(3).strip();
                if (m.group(1).isBlank() || target.isEmpty()) continue;
                out.add(new Indicator(level1, level2Before(text, m.start(1)), name, target, null, null, null,
                        quantities.parse(target), null, null, block.location()));
            }
        }
        return out;
    }

    /** The last level label (经济效益指标：, 服务对象满意度指标，) before the name. */
    private String level2Before(String text, int nameStart) {
        Matcher l = LEVEL_LABEL.matcher(text.substring(0, nameStart));
        String last = null;
        while (l.find()) {
            // 成本指标 names a 一级 in some templates and a 二级 in others: a 二级 here.
            if (!taxonomy.isLevel1(l.group(1)) || taxonomy.isLevel2(l.group(1))) last = l.group(1);
        }
        return last;
    }
}
