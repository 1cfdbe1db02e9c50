package org.jixiao.model;

/** A piece of an extracted document in reading order: a paragraph of prose or a table. */
public sealed interface Block permits TextBlock, TableBlock {
    Location location();
}
