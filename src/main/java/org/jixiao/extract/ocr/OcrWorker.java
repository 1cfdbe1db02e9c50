package org.jixiao.extract.ocr;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The process the recognition engine runs in ({@link OcrProcess} starts it): reads one image path
 * per line (after {@link #UPRIGHT} when the image is upright) on standard input and answers with the text boxes, one per line, each starting with
 * {@link #MARK} (the native engine prints its own chatter on the same output, which the reader
 * skips), then an end line or an error line.
 */
public final class OcrWorker {

    /** Starts every line of the answer, wherever in the output it stands. */
    static final String MARK = "\u0001jixiao-ocr\t";
    static final String BOX = "box";
    static final String END = "end";
    static final String ERROR = "error";
    /** Starts a request line whose image is upright: read without the angle classifier. */
    static final String UPRIGHT = "upright\t";

    private OcrWorker() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        RapidOcrRecognizer engine = new RapidOcrRecognizer();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) continue;
            StringBuilder answer = new StringBuilder();
            try {
                boolean upright = line.startsWith(UPRIGHT);
                String path = upright ? line.substring(UPRIGHT.length()) : line;
                TextRecognizer.Recognition r = engine.recognize(Path.of(path.strip()), !upright);
                for (RecognizedText t : r.texts()) {
                    answer.append('\n').append(MARK).append(BOX).append('\t').append(t.left()).append('\t').append(t.top())
                            .append('\t').append(t.right()).append('\t').append(t.bottom()).append('\t')
                            .append(String.format(Locale.ROOT, "%.4f", t.confidence())).append('\t')
                            .append(t.text().replace('\t', ' ').replace('\n', ' ').replace('\r', ' ')).append('\n');
                }
                answer.append('\n').append(MARK).append(END).append('\t').append(r.upsideDown()).append('\n');
            } catch (RuntimeException | LinkageError e) {
                String why = e instanceof OcrUnavailableException ? e.getMessage() : e.getClass().getSimpleName();
                answer.append('\n').append(MARK).append(ERROR).append('\t')
                        .append(e instanceof OcrUnavailableException).append('\t').append(why.replace('\n', ' ')).append('\n');
            }
            out.print(answer);
            out.flush();
        }
    }
}
