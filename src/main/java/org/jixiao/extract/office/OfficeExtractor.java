package org.jixiao.extract.office;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.html.IdentityHtmlMapper;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.model.ExtractedDocument;
import org.jixiao.model.SourceDocument;
import org.jixiao.pipeline.Stage;
import org.xml.sax.SAXException;

/**
 * Reads .docx, .xlsx and .html reports with Tika into blocks. The media type detected at ingest
 * is handed to Tika so it does not guess again; only the Office and HTML parser modules are on
 * the classpath, never Tika's PDF module.
 */
public final class OfficeExtractor implements Stage<SourceDocument, ExtractedDocument> {

    private static final String OOXML_PREFIX = "application/vnd.openxmlformats-officedocument.";
    private static final String DOCX = OOXML_PREFIX + "wordprocessingml.document";

    /**
     * Tika's parsers, created on the first office or HTML file: building them loads every parser
     * (POI's ~400 classes), which a run over text and PDF reports never needs.
     */
    private static final class Parsers {
        static final Parser AUTO_DETECT = new AutoDetectParser();
    }

    @Override
    public ExtractedDocument apply(SourceDocument source) {
        if (source.mediaType().startsWith(OOXML_PREFIX)) ZipSize.check(source);
        BlockHandler handler = new BlockHandler(source.mediaType().startsWith(DOCX)
                ? DocxSpans.read(source.bytes()) : List.of());
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, source.fileName());
        metadata.set(Metadata.CONTENT_TYPE, source.mediaType());
        try (InputStream in = new ByteArrayInputStream(source.bytes())) {
            ParseContext context = new ParseContext();
            // Keep colspan/rowspan: Tika's default mapping drops the attributes of table cells.
            context.set(HtmlMapper.class, IdentityHtmlMapper.INSTANCE);
            // Page headers and footers ("第 &P 页") are layout, not report content.
            OfficeParserConfig office = new OfficeParserConfig();
            office.setIncludeHeadersAndFooters(false);
            context.set(OfficeParserConfig.class, office);
            Parsers.AUTO_DETECT.parse(in, handler, metadata, context);
        } catch (EncryptedDocumentException e) {
            throw new UnreadableInputException(source.fileName(), "文档已加密，需要密码才能打开；请提交未加密的文件", e);
        } catch (IOException | SAXException | TikaException e) {
            throw new UnreadableInputException(source.fileName(), "文档无法解析，文件可能已损坏或含有不允许的内容（" + e.getMessage() + "）", e);
        }
        return new ExtractedDocument(source, null, handler.blocks(), List.of());
    }
}
