package org.jixiao.model;

import java.io.Serializable;

/**
 * Which file a report was read from.
 *
 * @param file      the file name as submitted (no directories)
 * @param sha256    hex digest of the file's bytes: the report's identity
 * @param mediaType media type detected from content, not from the name
 * @param pages     number of pages for paged formats, null otherwise
 */
public record SourceInfo(String file, String sha256, String mediaType, Integer pages) implements Serializable {
}
