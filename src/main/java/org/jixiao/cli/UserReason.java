package org.jixiao.cli;

import java.nio.file.AccessDeniedException;
import org.jixiao.ingest.UnreadableInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why a file could not be read, as a user is shown it: the Chinese reason without the library text
 * some readers append to it ({@code （TIKA-198: Illegal IOException from …OOXMLParser@3fa4f113）},
 * {@code （Reached maximum recursion depth 500）}); that text goes to the log (debug), with the cause.
 */
final class UserReason {

    private static final Logger LOG = LoggerFactory.getLogger(UserReason.class);

    private UserReason() {
    }

    static String of(UnreadableInputException e) {
        String reason = e.reason() == null ? "" : e.reason();
        String clean = strip(reason);
        if (!clean.equals(reason)) {
            LOG.debug("{}：{}", e.fileName(), reason, e.getCause());
            if (hasCause(e, AccessDeniedException.class)) clean += "（没有读取权限）";
        }
        return clean.isEmpty() ? "文件无法解析" : clean;
    }

    /** The reason without trailing parts in which there is no Chinese: a （…） aside or a “：…” tail. */
    static String strip(String reason) {
        String r = reason.strip();
        while (true) {
            String before = r;
            if (r.endsWith("）")) {
                int open = r.lastIndexOf('（');
                if (open >= 0 && !ChineseUsage.hasChinese(r.substring(open + 1, r.length() - 1))) r = r.substring(0, open);
            }
            int colon = r.lastIndexOf('：');
            if (colon >= 0 && !ChineseUsage.hasChinese(r.substring(colon + 1))) r = r.substring(0, colon);
            r = r.strip();
            while (r.endsWith("，") || r.endsWith("：") || r.endsWith("、")) r = r.substring(0, r.length() - 1).strip();
            if (r.equals(before)) return r;
        }
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) if (type.isInstance(c)) return true;
        return false;
    }
}
