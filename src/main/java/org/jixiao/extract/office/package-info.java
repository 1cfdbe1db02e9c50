/**
 * Office and web reports (.docx, .xlsx, .html) read through Tika's XHTML events into the same
 * blocks as the text form: paragraphs as text blocks, tables with colspan/rowspan turned into the
 * empty cells the text form shows for merged cells. Tika's PDF parser is never used here: PDFs
 * have their own extractor on PDFBox 2 and tabula.
 */
package org.jixiao.extract.office;
