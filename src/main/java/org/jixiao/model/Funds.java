package org.jixiao.model;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * Money of a report, in 万元 as printed; rates in percent (91.81 for 91.81%).
 *
 * @param initialBudget     年初预算数
 * @param adjustedBudget    调整后 / 全年预算数: the base of the execution rate
 * @param executed          执行数 / 实际支出
 * @param executionRate     执行率 as reported
 * @param executionWeight   分值 of the execution block (20 in Hubei, 10 in the Ministry form)
 * @param executionScore    得分 of the execution block as reported
 * @param totalAmount       项目总金额 (declarations)
 * @param currentYearAmount 本年度项目金额 (declarations)
 * @param priorYear         上年度项目资金使用情况, null when absent
 * @param sources           资金来源 lines
 * @param sourcesTotal      the total the sources break down (项目资金总额 / 年度资金总额), null when absent
 * @param unit              the money unit the form prints its amounts in (万元 or 元); null when unstated
 */
public record Funds(BigDecimal initialBudget, BigDecimal adjustedBudget, BigDecimal executed,
                    BigDecimal executionRate, BigDecimal executionWeight, BigDecimal executionScore,
                    BigDecimal totalAmount, BigDecimal currentYearAmount, PriorYear priorYear,
                    List<FundSource> sources, BigDecimal sourcesTotal, String unit) implements Serializable {

    public Funds {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** Funds in 万元 (fixtures, synthetic reports). */
    public Funds(BigDecimal initialBudget, BigDecimal adjustedBudget, BigDecimal executed,
                 BigDecimal executionRate, BigDecimal executionWeight, BigDecimal executionScore,
                 BigDecimal totalAmount, BigDecimal currentYearAmount, PriorYear priorYear,
                 List<FundSource> sources, BigDecimal sourcesTotal) {
        this(initialBudget, adjustedBudget, executed, executionRate, executionWeight, executionScore, totalAmount,
                currentYearAmount, priorYear, sources, sourcesTotal, null);
    }

    public static final Funds EMPTY =
            new Funds(null, null, null, null, null, null, null, null, null, List.of(), null, null);
}
