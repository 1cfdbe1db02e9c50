package org.jixiao.extract.ocr;

import java.awt.image.BufferedImage;
import java.util.List;

/** Finds and reads the lines of text on an upright page image. */
public interface TextRecognizer {

    /**
     * The text boxes of the image, and whether most of them were upside down (the engine's angle
     * classifier); when they were, their text is already read the right way round but their
     * boxes are where they stand in the image as given.
     */
    Recognition recognize(BufferedImage image);

    /** What one image gave. */
    record Recognition(List<RecognizedText> texts, boolean upsideDown) {
        public Recognition {
            texts = List.copyOf(texts);
        }
    }
}
