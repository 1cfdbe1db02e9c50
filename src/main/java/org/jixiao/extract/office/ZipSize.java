package org.jixiao.extract.office;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.model.SourceDocument;

/**
 * Refuses an Office file (a zip) whose content would inflate beyond what any report needs, before
 * a parser builds it in memory: a compression bomb of a few hundred kilobytes can expand to
 * gigabytes of XML.
 */
final class ZipSize {

    /** Total inflated bytes allowed: a long .docx with images stays well below. */
    static final long MAX_INFLATED_BYTES = 100L * 1024 * 1024;

    private static final int BUFFER = 64 * 1024;

    private ZipSize() {
    }

    static void check(SourceDocument source) {
        long total = 0;
        byte[] buffer = new byte[BUFFER];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(source.bytes()))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_INFLATED_BYTES) {
                        throw new UnreadableInputException(source.fileName(), "压缩内容展开后过大（超过 "
                                + MAX_INFLATED_BYTES / (1024 * 1024) + " MB，文件仅 " + source.bytes().length / 1024
                                + " KB），疑似压缩炸弹，未读取");
                    }
                }
            }
        } catch (IOException e) {
            throw new UnreadableInputException(source.fileName(), "文档无法解析，压缩结构已损坏（" + e.getMessage() + "）", e);
        }
    }
}
