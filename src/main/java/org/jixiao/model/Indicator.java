package org.jixiao.model;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One row of the indicator table. {@code target} and {@code actual} keep the cell text as printed
 * (whitespace normalised); the parsed values sit beside them.
 *
 * @param level1       一级指标, filled down where the table merges cells
 * @param level2       二级指标, filled down likewise
 * @param name         三级指标
 * @param weight       分值; from the table, or from the narrative when the table has none
 * @param score        得分 as reported
 * @param weightSource where the weight came from: "table", "narrative" or null
 * @param location     where the row was read
 * @param level1Weight the weight the 一级 category states (产出指标(50分), or its own 分值 column), null when none
 * @param level2Weight the same for the 二级 category
 */
public record Indicator(String level1, String level2, String name, String target, String actual,
                        BigDecimal weight, BigDecimal score, Quantity targetValue, Quantity actualValue,
                        String weightSource, Location location, BigDecimal level1Weight, BigDecimal level2Weight) implements Serializable {

    /** An indicator whose categories state no weight. */
    public Indicator(String level1, String level2, String name, String target, String actual,
                     BigDecimal weight, BigDecimal score, Quantity targetValue, Quantity actualValue,
                     String weightSource, Location location) {
        this(level1, level2, name, target, actual, weight, score, targetValue, actualValue, weightSource, location,
                null, null);
    }

    public Indicator withWeight(BigDecimal newWeight, String source) {
        return new Indicator(level1, level2, name, target, actual, newWeight, score, targetValue,
                actualValue, source, location, level1Weight, level2Weight);
    }
}
