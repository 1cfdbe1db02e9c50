package org.jixiao.model;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A problem in a report, located and explained in Chinese. Problems in the input are data, not
 * exceptions.
 *
 * @param code     stable machine code such as {@code EXECUTION_RATE_MISMATCH}
 * @param subject  the field or indicator name the finding is about
 * @param message  what is wrong, in Chinese, with both numbers and where they came from
 * @param expected the value jixiao recomputed, null when the finding is not numeric
 * @param reported the value the document states, null when the finding is not numeric
 * @param location where the reported value was read, null when not known
 */
public record Finding(String code, Severity severity, String subject, String message,
                      BigDecimal expected, BigDecimal reported, Location location) implements Serializable {

    public static Finding of(String code, Severity severity, String subject, String message) {
        return new Finding(code, severity, subject, message, null, null, null);
    }
}
