package org.jixiao.output;

import org.jixiao.model.ReportKind;

/** The report kind as every CLI output writes it, the words the web pages use: 绩效自评, 目标申报. */
public final class KindNames {

    private KindNames() {
    }

    public static String of(ReportKind kind) {
        return switch (kind) {
            case SELF_EVALUATION -> "绩效自评";
            case TARGET_DECLARATION -> "目标申报";
        };
    }

    /** The Chinese name of a kind stored by its enum name; anything else unchanged. */
    public static String ofName(String name) {
        for (ReportKind k : ReportKind.values()) if (k.name().equals(name)) return of(k);
        return name;
    }
}
