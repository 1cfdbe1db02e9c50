/**
 * Template knowledge as data: label synonyms, table headers, indicator taxonomy, rule thresholds
 * and region codes, read from the YAML/CSV files under {@code mappings/} (bundled in the jar, or
 * a directory given with {@code --mappings}). Code asks these classes; it never spells a label.
 */
package org.jixiao.mapping;
