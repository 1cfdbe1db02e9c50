package org.jixiao.model;

import java.io.Serializable;

/** A piece of an extracted document in reading order: a paragraph of prose or a table. */
public sealed interface Block extends Serializable permits TextBlock, TableBlock {
    Location location();
}
