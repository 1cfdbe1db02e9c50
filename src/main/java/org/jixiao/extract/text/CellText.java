package org.jixiao.extract.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans the text of a cell or line as conversions leave it: HTML fragments ({@code <p>},
 * {@code <ol>}, checkbox inputs), entities, runs of whitespace. Checkboxes become ☑ / ☐ so that
 * the ticked option of a choice row can still be read.
 */
public final class CellText {

    private static final Pattern CHECKED_BOX = Pattern.compile("<input[^>]*\\bchecked\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BOX = Pattern.compile("<input[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_TAG = Pattern.compile("</?(p|div|br|li|ol|ul|tr|h[1-6])\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]{0,500}>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#x[0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000]+");

    private CellText() {
    }

    public static String clean(String raw) {
        if (raw == null) return "";
        String s = raw;
        if (s.indexOf('<') >= 0) {
            s = CHECKED_BOX.matcher(s).replaceAll("☑");
            s = BOX.matcher(s).replaceAll("☐");
            s = BLOCK_TAG.matcher(s).replaceAll(" ");
            s = TAG.matcher(s).replaceAll("");
        }
        if (s.indexOf('&') >= 0) {
            s = unescape(s);
        }
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    private static String unescape(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String rep = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> {
                    int cp = e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
                    yield Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "";
                }
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(rep));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
