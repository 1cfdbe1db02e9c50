/**
 * Plain-text and Markdown reports in the form text conversions of PDFs take: tab-separated table
 * rows with empty cells where the PDF merged cells, HTML fragments inside cells, paragraphs broken
 * across blank lines by page breaks. Also decodes text bytes (UTF-8, UTF-16, GBK/GB18030).
 */
package org.jixiao.extract.text;
