package org.jixiao.model;

import java.io.Serializable;
import java.math.BigDecimal;

/** One line of 项目概算: 项目明细名称 | 金额 (万元) | 用途. */
public record BudgetItem(String name, BigDecimal amount, String purpose, Location location) implements Serializable {
}
