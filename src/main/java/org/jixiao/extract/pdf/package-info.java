/**
 * PDF reports (exported from Word, WPS, Excel or a browser) read into the same blocks as their
 * text form: tables through {@link org.jixiao.extract.table}, the prose around them as
 * paragraphs in reading order, lines cut by the page width joined again. Also tells a scan
 * without text layer, or text whose fonts cannot be mapped to Unicode, from a readable report.
 */
package org.jixiao.extract.pdf;
