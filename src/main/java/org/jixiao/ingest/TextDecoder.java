package org.jixiao.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes report text whatever encoding the submitter's editor used. Byte-order marks decide
 * first; otherwise strict UTF-8, then strict GB18030 (a superset of GBK and GB2312, which is what
 * Chinese Windows editors write). Strict decoding means a wrong guess fails instead of producing
 * mojibake that would then be "read".
 */
public final class TextDecoder {

    /** GB18030 is always present in the JDK (it is a required charset since Java 9 in practice). */
    private static final Charset GB18030 = Charset.forName("GB18030");

    /**
     * Share of NUL bytes at odd (or even) positions above which BOM-less text is taken as UTF-16:
     * CJK-free UTF-16 has a NUL in every other byte; CJK UTF-16 still has many in ASCII stretches.
     */
    private static final double UTF16_NUL_SHARE = 0.3;

    private TextDecoder() {
    }

    public static String decode(byte[] bytes, String fileName) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(bytes, 3, StandardCharsets.UTF_8, fileName);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE, fileName);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE, fileName);
        }
        Charset utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) {
            return strict(bytes, 0, utf16, fileName);
        }
        String utf8 = tryStrict(bytes, 0, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        String gb = tryStrict(bytes, 0, GB18030);
        if (gb != null) {
            return gb;
        }
        throw new UnreadableInputException(fileName, "文本编码无法识别（既不是 UTF-8，也不是 GBK/GB18030 或 UTF-16）");
    }

    /**
     * Share of control characters (other than tab, newline, carriage return, form feed) above which
     * decodable bytes are still not text: binary junk sometimes decodes as GB18030 by chance.
     */
    static final double MAX_CONTROL_SHARE = 0.01;

    /**
     * True when the bytes are text in one of the encodings {@link #decode} accepts. Tika's detector
     * does not recognise GBK text (it reports application/octet-stream), so ingestion asks here.
     */
    public static boolean isText(byte[] bytes) {
        String text;
        try {
            text = decode(bytes, "");
        } catch (UnreadableInputException e) {
            return false;
        }
        if (text.isEmpty()) return false;
        long control = text.chars().filter(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f').count();
        return control <= text.length() * MAX_CONTROL_SHARE;
    }

    private static Charset utf16WithoutBom(byte[] bytes) {
        int n = Math.min(bytes.length, 4096);
        if (n < 4) return null;
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                if (i % 2 == 0) evenNul++; else oddNul++;
            }
        }
        double half = n / 2.0;
        if (oddNul / half > UTF16_NUL_SHARE && evenNul == 0) return StandardCharsets.UTF_16LE;
        if (evenNul / half > UTF16_NUL_SHARE && oddNul == 0) return StandardCharsets.UTF_16BE;
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }

    private static String strict(byte[] bytes, int offset, Charset charset, String fileName) {
        String s = tryStrict(bytes, offset, charset);
        if (s == null) {
            throw new UnreadableInputException(fileName, "文本按 " + charset.name() + " 解码失败，文件可能已损坏");
        }
        return s;
    }

    private static String tryStrict(byte[] bytes, int offset, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
