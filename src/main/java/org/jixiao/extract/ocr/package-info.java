/**
 * Optical character recognition of scanned pages: the page image is cleaned (the red seal
 * suppressed, greyscale, turned upright, deskewed), the ruling lines of the form's grid are found
 * on it and its cells built (merged cells included), and the recognised text boxes are placed in
 * those cells, so that a scanned page gives the same tables and lines as a page with a text layer.
 * The recognition engine (RapidOCR: PaddleOCR models in ONNX, models and native runtime in jars
 * from Maven Central) is used only here.
 */
package org.jixiao.extract.ocr;
