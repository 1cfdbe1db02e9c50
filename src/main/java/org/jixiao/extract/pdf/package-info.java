/**
 * PDF reports (exported from Word, WPS, Excel or a browser) read into the same blocks as their
 * text form: tables through {@link org.jixiao.extract.table}, the prose around them as
 * paragraphs in reading order, lines cut by the page width joined again, page numbers and running
 * headers dropped. Pages shown rotated are read as they look; composite fonts without a Unicode
 * map are given one from their embedded font where it has one. A scan without text layer, or text
 * that still cannot be mapped to characters, is reported (per page) or refused (whole file)
 * instead of being half read.
 */
package org.jixiao.extract.pdf;
