package org.jixiao.extract.ocr;

/**
 * One box of text the engine recognised, in pixels of the image it was given (y downwards).
 *
 * @param confidence the engine's mean character score, 0..1
 */
public record RecognizedText(String text, int left, int top, int right, int bottom, double confidence) {

    public int centerX() {
        return (left + right) / 2;
    }

    public int centerY() {
        return (top + bottom) / 2;
    }

    public int height() {
        return bottom - top;
    }
}
