package org.jixiao.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Finding;
import org.jixiao.model.Report;
import org.jixiao.output.TerminalTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * For each section of each form, a corpus case with that section left unreadable (its rows
 * emptied, its heading kept, or its fields gone): the report says SECTION_NOT_READ for it, is
 * shown as 未完整读取, and no other finding is invented because of it (the findings that remain
 * are among the complete case's).
 */
class SectionNotReadTest {

    private static final Pipeline PIPELINE = new Pipeline(Mappings.bundled());

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource(delimiter = ';', value = {
            // Ministry self-evaluation: the funds rows under their header, the indicator rows, the header block.
            "suzhou-2021-self-eval-mof;funds;^\\t(年度资金总额|其中：本年财政拨款|上年结转资金|其他资金)\\t.*$",
            "suzhou-2021-self-eval-mof;indicators;^(\\t(产出指标|效益指标|满意度指标)?)?\\t+[^\\t]*\\t[^\\t]*(指标值)?.*(个|次|%|小时|万元|立方米)\\t.*$",
            "suzhou-2021-self-eval-mof;project;^(项目名称|主管部门)\\t.*$",
            // Municipal declaration: the 项目概算 lines under their heading, the sources under 项目资金来源,
            // the prior-year figures, the indicator rows.
            "kunshan-2022-declaration-internship;budgetItems;^(项目明细名称|见习|人身|宣传|见习单位|合计).*$",
            "kunshan-2022-declaration-internship;sources;^\\t(其中：财政经常性拨款资金|财政专项拨款资金|纳入预算管理的非税资金|其他收入)\\t.*$",
            "kunshan-2022-declaration-internship;priorYear;BLANK ^(上年度项目资金使用情况\\t年度预算安排资金|\\t资金使用率).*$",
    })
    void aSectionLeftUnreadIsSaidAndInventsNothing(String name, String section, String dropLines) throws IOException {
        Path source = Corpus.ROOT.resolve(name).resolve(name + ".txt");
        Report complete = PIPELINE.process(source);
        StringBuilder kept = new StringBuilder();
        // "BLANK pattern": keep the lines but empty their figures (the section is there, unreadable);
        // otherwise the matching lines are dropped.
        boolean blank = dropLines.startsWith("BLANK ");
        Pattern drop = Pattern.compile(blank ? dropLines.substring("BLANK ".length()) : dropLines);
        int dropped = 0;
        for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
            if (drop.matcher(line).matches()) {
                dropped++;
                if (blank) kept.append(line.replaceAll("(?<=\\t)[-0-9.,%]+(?=\\t|$)", "")).append('\n');
                continue;
            }
            kept.append(line).append('\n');
        }
        assertTrue(dropped > 0, "the pattern removes nothing from " + name);
        Path partial = dir.resolve(name + "-without-" + section + ".txt");
        Files.writeString(partial, kept, StandardCharsets.UTF_8);
        Report report = PIPELINE.process(partial);

        assertTrue(report.findings().stream().anyMatch(f -> f.code().equals("SECTION_NOT_READ") && f.subject().equals(section)),
                section + " left unread but not said: " + report.findings());
        assertTrue(report.partlyRead());
        TerminalTable table = new TerminalTable();
        table.add(partial.getFileName().toString(), report);
        assertTrue(table.toString().contains("未完整读取"), table.toString());
        Set<String> before = keys(complete);
        Set<String> invented = keys(report);
        invented.removeAll(before);
        invented.removeIf(k -> k.startsWith("SECTION_NOT_READ/"));
        assertTrue(invented.isEmpty(), "findings invented because " + section + " was not read: " + invented);
    }

    private static Set<String> keys(Report r) {
        Set<String> out = new TreeSet<>();
        for (Finding f : r.findings()) out.add(f.code() + "/" + f.subject());
        return out;
    }
}
