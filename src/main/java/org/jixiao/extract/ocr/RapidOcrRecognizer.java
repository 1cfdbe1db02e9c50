package org.jixiao.extract.ocr;

import com.benjaminwan.ocrlibrary.OcrResult;
import com.benjaminwan.ocrlibrary.Point;
import com.benjaminwan.ocrlibrary.TextBlock;
import io.github.mymonstercat.Model;
import io.github.mymonstercat.ocr.InferenceEngine;
import io.github.mymonstercat.ocr.config.ParamConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * RapidOCR for Java with the PaddleOCR PP-OCRv3 Chinese models (detection, angle classifier,
 * recognition) in ONNX. Models and the native runtime come out of jars on the classpath; the
 * library copies them to a temporary folder once and loads them from there, never from a network.
 *
 * <p>One engine per JVM, and calls are serialised: the native engine is one shared instance. It
 * runs inside the {@link OcrWorker} process only: the native library prints to the process's
 * standard output, and a crash in native code must not take the batch or the service with it.
 */
final class RapidOcrRecognizer {

    /**
     * Longest side the detector sees (the image is scaled down for detection only; the text is
     * read from the full image). At 200 dpi this keeps 10-point text about 12 pixels high, which
     * the detector still finds, at a third of the time of the full size.
     */
    static final int DETECTION_SIDE = 1024;

    /** Angle class of a box turned half round (0 is upright). */
    private static final int UPSIDE_DOWN = 1;

    private static final Object LOCK = new Object();
    private static InferenceEngine engine;

    /**
     * The text of an image file (the engine reads images from files only).
     *
     * @param classifyAngle ask the angle classifier which boxes are upside down (false: the image is upright)
     */
    TextRecognizer.Recognition recognize(Path image, boolean classifyAngle) {
        OcrResult result;
        synchronized (LOCK) {
            result = engine().runOcr(image.toString(), parameters(classifyAngle));
        }
        return toRecognition(result);
    }

    private static InferenceEngine engine() {
        if (engine == null) {
            try {
                engine = InferenceEngine.getInstance(Model.ONNX_PPOCR_V3);
            } catch (RuntimeException | LinkageError e) {
                throw new OcrUnavailableException("文字识别引擎无法加载（" + e.getClass().getSimpleName() + "）", e);
            }
        }
        return engine;
    }

    private static ParamConfig parameters(boolean classifyAngle) {
        ParamConfig p = ParamConfig.getDefaultConfig();
        p.setMaxSideLen(DETECTION_SIDE);
        // The classifier tells text turned half round; the whole page's majority decides.
        p.setDoAngle(classifyAngle);
        p.setMostAngle(classifyAngle);
        return p;
    }

    private static TextRecognizer.Recognition toRecognition(OcrResult result) {
        List<RecognizedText> texts = new ArrayList<>();
        int upsideDown = 0;
        for (TextBlock b : result.getTextBlocks()) {
            String text = b.getText() == null ? "" : b.getText().strip();
            if (text.isEmpty()) continue;
            int left = Integer.MAX_VALUE;
            int top = Integer.MAX_VALUE;
            int right = Integer.MIN_VALUE;
            int bottom = Integer.MIN_VALUE;
            for (Point pt : b.getBoxPoint()) {
                left = Math.min(left, pt.getX());
                top = Math.min(top, pt.getY());
                right = Math.max(right, pt.getX());
                bottom = Math.max(bottom, pt.getY());
            }
            texts.add(new RecognizedText(text, left, top, right, bottom, meanScore(b.getCharScores())));
            if (b.getAngleIndex() == UPSIDE_DOWN) upsideDown++;
        }
        return new TextRecognizer.Recognition(texts, upsideDown * 2 > texts.size());
    }

    private static double meanScore(float[] scores) {
        if (scores == null || scores.length == 0) return 0;
        double sum = 0;
        for (float s : scores) sum += s;
        return sum / scores.length;
    }
}
