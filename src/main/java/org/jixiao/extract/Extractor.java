package org.jixiao.extract;

import java.util.Map;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.model.ExtractedDocument;
import org.jixiao.model.SourceDocument;
import org.jixiao.pipeline.Stage;

/** Sends each document to the extractor of its media type. */
public final class Extractor implements Stage<SourceDocument, ExtractedDocument> {

    private final Map<String, Stage<SourceDocument, ExtractedDocument>> byMediaType;

    public Extractor(Map<String, Stage<SourceDocument, ExtractedDocument>> byMediaType) {
        this.byMediaType = Map.copyOf(byMediaType);
    }

    @Override
    public ExtractedDocument apply(SourceDocument source) {
        String type = baseType(source.mediaType());
        Stage<SourceDocument, ExtractedDocument> stage = byMediaType.get(type);
        if (stage == null) {
            throw new UnreadableInputException(source.fileName(),
                    "不是可读取的报告格式（检测到的文件类型为 " + type + "；支持 PDF、文本、Markdown、HTML、Word 和 Excel）");
        }
        return stage.apply(source);
    }

    /** The media type without its parameters ({@code text/plain; charset=GBK} is {@code text/plain}). */
    public static String baseType(String mediaType) {
        int semi = mediaType.indexOf(';');
        return (semi < 0 ? mediaType : mediaType.substring(0, semi)).strip();
    }
}
