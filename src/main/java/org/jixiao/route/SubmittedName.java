package org.jixiao.route;

import java.util.regex.Pattern;

/**
 * Turns a name that came with a submission (a multipart file name, a message header, an inbox file)
 * into a plain file name that cannot name anything outside the data folders: directories are
 * dropped (both separators), control characters and reserved characters are replaced, dot names
 * are refused. The result is what the service shows and stores; the raw name never reaches the file
 * system.
 */
public final class SubmittedName {

    /** Longest stored name in characters; file systems limit names to 255 bytes and CJK takes 3 per character. */
    static final int MAX_LENGTH = 80;
    /** Used when nothing usable is left of the submitted name. */
    static final String FALLBACK = "report";
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}<>:\"|?*\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]");

    private SubmittedName() {
    }

    public static String clean(String submitted) {
        if (submitted == null) return FALLBACK;
        String s = submitted.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1);
        s = UNSAFE.matcher(s).replaceAll("_").strip();
        while (s.startsWith(".")) s = s.substring(1);
        if (s.isEmpty()) return FALLBACK;
        if (s.length() > MAX_LENGTH) {
            int dot = s.lastIndexOf('.');
            String ext = dot > 0 && s.length() - dot <= 8 ? s.substring(dot) : "";
            s = s.substring(0, MAX_LENGTH - ext.length()) + ext;
        }
        return s;
    }

    /** {@code a.txt} → {@code a~2.txt}: the n-th name tried when {@code name} is taken. */
    static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) return name + "~" + n;
        return name.substring(0, dot) + "~" + n + name.substring(dot);
    }
}
