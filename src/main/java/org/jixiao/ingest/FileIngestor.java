package org.jixiao.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeTypes;
import org.jixiao.model.SourceDocument;
import org.jixiao.pipeline.Stage;

/** Reads a file into a {@link SourceDocument}: bytes, SHA-256 and the media type from content. */
public final class FileIngestor implements Stage<Path, SourceDocument> {

    /** Default upper bound on the size of one submission; larger files are refused, not truncated. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    /**
     * Magic bytes only: enough for text, HTML and PDF, and cheap — Tika's full detector loads every
     * parser's detector (POI's among them, ~400 classes) and is only needed inside zip and OLE
     * containers, where it is created on first need.
     */
    private static final class Magic {
        static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
    }

    /**
     * What Tika's magic (priority 50, the highest that matches these bytes) says of a file that
     * starts with {@code %PDF-}: answered without parsing Tika's type table (tika-mimetypes.xml),
     * which was a tenth of a one-PDF {@code extract}'s start-up. Anything else still goes to Tika.
     */
    private static final byte[] PDF_HEADER = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final String PDF = "application/pdf";

    private final long maxBytes;

    public FileIngestor() {
        this(DEFAULT_MAX_BYTES);
    }

    public FileIngestor(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public SourceDocument apply(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > maxBytes) {
                throw new UnreadableInputException(name,
                        "文件过大（" + size + " 字节），超过上限 " + maxBytes + " 字节");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException(name, "文件不存在", e);
        } catch (IOException e) {
            throw new UnreadableInputException(name, "无法读取文件：" + e.getMessage(), e);
        }
        return ingest(path, name, bytes);
    }

    /** Ingests bytes that did not come from a file of their own (uploads). */
    public SourceDocument ingest(Path path, String name, byte[] bytes) {
        if (bytes.length == 0) {
            throw new UnreadableInputException(name, "文件为空（0 字节）");
        }
        return new SourceDocument(path, name, bytes, sha256(bytes), detect(name, bytes));
    }

    /** Tika's full detector (zip and OLE containers: .docx, .xlsx, .doc), created on first need. */
    private static final class ContainerDetector {
        static final Tika TIKA = new Tika();
    }

    private String detect(String name, byte[] bytes) {
        if (bytes.length >= PDF_HEADER.length && java.util.Arrays.equals(bytes, 0, PDF_HEADER.length, PDF_HEADER, 0, PDF_HEADER.length)) {
            return PDF;
        }
        String byContent;
        try (InputStream in = TikaInputStream.get(bytes)) {
            // Content alone first: a PDF named .txt is a PDF, a text file named .pdf is not.
            byContent = Magic.TYPES.detect(in, new Metadata()).toString();
        } catch (IOException e) {
            throw new UnreadableInputException(name, "无法识别文件类型：" + e.getMessage(), e);
        }
        if (byContent.equals("application/zip") || byContent.startsWith("application/x-tika-ooxml")
                || byContent.equals("application/x-tika-msoffice")) {
            // Office containers need the name to tell .docx from .xlsx when the zip detector cannot.
            Metadata metadata = new Metadata();
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
            try (InputStream in = TikaInputStream.get(bytes)) {
                return ContainerDetector.TIKA.detect(in, metadata);
            } catch (IOException e) {
                throw new UnreadableInputException(name, "无法识别文件类型：" + e.getMessage(), e);
            }
        }
        if (byContent.equals("application/octet-stream") && TextDecoder.isText(bytes)) {
            byContent = "text/plain";
        }
        if (byContent.equals("text/plain")) {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".md") || lower.endsWith(".markdown")) return "text/markdown";
        }
        return byContent;
    }

    /** Hex SHA-256 of the bytes: a submission's identity everywhere (reports, intake, store). */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
