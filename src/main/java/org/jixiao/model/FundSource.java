package org.jixiao.model;

import java.io.Serializable;
import java.math.BigDecimal;

/** One line of 资金来源 (or one row of the 年度资金总额 breakdown), in 万元. */
public record FundSource(String name, BigDecimal amount) implements Serializable {
}
