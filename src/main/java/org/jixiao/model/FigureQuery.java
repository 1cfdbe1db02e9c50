package org.jixiao.model;

import java.io.Serializable;

/**
 * What to mark on a page of an original: a finding's figure and its row label, where the finding
 * says it was read.
 *
 * @param page    the 1-based page; 0 to search the whole document
 * @param figure  the figure as the report gives it (a number); null when the finding has none
 * @param label   the row label or indicator name; null when none
 * @param inTable true when the figure was read from a table cell, false when from the prose, null
 *                when not known: a figure printed in both places is marked first where it was read
 */
public record FigureQuery(int page, String figure, String label, Boolean inTable) implements Serializable {
}
