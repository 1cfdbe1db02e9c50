package org.jixiao.model;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A target or actual value as parsed from its printed text.
 *
 * @param comparator  the stated relation, null for a bare number ("15 个")
 * @param value       the number in {@code unit}, null when the text is qualitative
 * @param unit        unit as printed after normalisation ("个", "%", "小时"), null when none
 * @param qualitative the qualitative term (达标, 合格, 健全 …) when the value is not a number
 */
public record Quantity(Comparator comparator, BigDecimal value, String unit, String qualitative) implements Serializable {

    public boolean numeric() {
        return value != null;
    }
}
