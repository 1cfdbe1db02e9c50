package org.jixiao.model;

import java.util.List;

/**
 * What extraction makes of any input format: blocks in reading order plus the problems met while
 * reading (a missing text layer, an unreadable page), which become findings of the report.
 */
public record ExtractedDocument(SourceDocument source, Integer pages, List<Block> blocks,
                                List<Finding> problems) {

    public ExtractedDocument {
        blocks = List.copyOf(blocks);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
