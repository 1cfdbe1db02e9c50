package org.jixiao.model;

import java.nio.file.Path;

/**
 * A submitted file as ingested: its bytes are read once and identified by content.
 *
 * @param path      where it was read from (never written to)
 * @param fileName  the submitted name, without directories
 * @param bytes     the raw content
 * @param sha256    hex digest of {@code bytes}
 * @param mediaType detected from the content
 */
public record SourceDocument(Path path, String fileName, byte[] bytes, String sha256, String mediaType) {
}
