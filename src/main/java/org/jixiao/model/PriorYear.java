package org.jixiao.model;

import java.io.Serializable;
import java.math.BigDecimal;

/** 上年度项目资金使用情况 (target declarations): 万元 and percent as printed. */
public record PriorYear(BigDecimal budget, BigDecimal used, BigDecimal balance, BigDecimal useRate) implements Serializable {
}
