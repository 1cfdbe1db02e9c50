package org.jixiao.pipeline;

import java.nio.file.Path;
import java.util.Map;
import org.jixiao.extract.Extractor;
import org.jixiao.extract.text.TextReportExtractor;
import org.jixiao.ingest.FileIngestor;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.ExtractedDocument;
import org.jixiao.model.Report;
import org.jixiao.model.SourceDocument;
import org.jixiao.normalize.Normalizer;
import org.jixiao.verify.StandardRules;
import org.jixiao.verify.Verifier;

/**
 * The stages in order: ingest → extract → normalize → verify. The only class that knows the
 * order; every interface (CLI, routes, REST) runs reports through {@link #process}.
 */
public final class Pipeline {

    private final FileIngestor ingest;
    private final Stage<SourceDocument, ExtractedDocument> extract;
    private final Stage<ExtractedDocument, Report> normalize;
    private final Stage<Report, Report> verify;

    public Pipeline(Mappings mappings) {
        this.ingest = new FileIngestor();
        TextReportExtractor text = new TextReportExtractor();
        this.extract = new Extractor(Map.of(
                "text/plain", text,
                "text/markdown", text,
                "text/x-web-markdown", text));
        this.normalize = new Normalizer(mappings);
        this.verify = new Verifier(StandardRules.create(mappings));
    }

    /** Reads, normalises and verifies one file; throws {@link org.jixiao.ingest.UnreadableInputException} when it cannot be read. */
    public Report process(Path file) {
        return fromSource(ingest.apply(file));
    }

    /** The same for bytes that arrived without a file of their own (uploads). */
    public Report process(String fileName, byte[] bytes) {
        return fromSource(ingest.ingest(null, fileName, bytes));
    }

    private Report fromSource(SourceDocument source) {
        return verify.apply(normalize.apply(extract.apply(source)));
    }
}
