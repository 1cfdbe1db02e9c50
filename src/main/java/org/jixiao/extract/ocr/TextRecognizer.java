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

    /**
     * The text boxes of an image known to be upright, read without asking the angle classifier
     * (which is unsure of short texts, and turns a lone 6 into a 9).
     */
    default Recognition recognizeUpright(BufferedImage image) {
        return recognize(image);
    }

    /** What one image gave. */
    record Recognition(List<RecognizedText> texts, boolean upsideDown) {
        public Recognition {
            texts = List.copyOf(texts);
        }
    }
}
