package org.jixiao.model;

/** A paragraph (or heading) of prose, with soft line breaks inside paragraphs already joined. */
public record TextBlock(String text, Location location) implements Block {
}
