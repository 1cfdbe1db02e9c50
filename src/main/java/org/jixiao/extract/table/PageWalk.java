package org.jixiao.extract.table;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import technology.tabula.TextStripper;

/**
 * One walk of a page's content stream that yields both its glyphs (tabula's text stripper) and its
 * rulings ({@link RulingCollector}). Reading the two apart parsed every content stream twice; the
 * second parse was about a tenth of the warm pipeline's CPU time.
 *
 * <p>The operators a text stripper has no use for (paths, painting, clipping, colour, inline
 * images) are handed to the collector, which runs PDFBox's graphics operators for them against
 * this walk's graphics state, so they behave, fail and log as in a graphics engine's own walk.
 * {@code Do} is both: an image marks the page as drawing images (loaded as the graphics engine
 * loads it), a form is walked by the text stripper, its operators handed on like the page's.
 */
final class PageWalk extends TextStripper {

    /** The graphics operators a text stripper leaves unhandled (text, state and marked content it has). */
    static final List<String> HANDED_ON = List.of(
            // path construction and painting
            OperatorName.MOVE_TO, OperatorName.LINE_TO, OperatorName.CURVE_TO, OperatorName.CURVE_TO_REPLICATE_INITIAL_POINT,
            OperatorName.CURVE_TO_REPLICATE_FINAL_POINT, OperatorName.CLOSE_PATH, OperatorName.APPEND_RECT,
            OperatorName.STROKE_PATH, OperatorName.CLOSE_AND_STROKE, OperatorName.FILL_NON_ZERO, OperatorName.LEGACY_FILL_NON_ZERO,
            OperatorName.FILL_EVEN_ODD, OperatorName.FILL_NON_ZERO_AND_STROKE, OperatorName.FILL_EVEN_ODD_AND_STROKE,
            OperatorName.CLOSE_FILL_NON_ZERO_AND_STROKE, OperatorName.CLOSE_FILL_EVEN_ODD_AND_STROKE, OperatorName.ENDPATH,
            OperatorName.CLIP_NON_ZERO, OperatorName.CLIP_EVEN_ODD, OperatorName.SHADING_FILL, OperatorName.BEGIN_INLINE_IMAGE,
            // colour and line state
            OperatorName.STROKING_COLORSPACE, OperatorName.NON_STROKING_COLORSPACE, OperatorName.STROKING_COLOR,
            OperatorName.NON_STROKING_COLOR, OperatorName.STROKING_COLOR_N, OperatorName.NON_STROKING_COLOR_N,
            OperatorName.STROKING_COLOR_GRAY, OperatorName.NON_STROKING_GRAY, OperatorName.STROKING_COLOR_RGB,
            OperatorName.NON_STROKING_RGB, OperatorName.STROKING_COLOR_CMYK, OperatorName.NON_STROKING_CMYK,
            OperatorName.SET_LINE_WIDTH, OperatorName.SET_LINE_CAPSTYLE, OperatorName.SET_LINE_JOINSTYLE,
            OperatorName.SET_LINE_MITERLIMIT, OperatorName.SET_LINE_DASHPATTERN, OperatorName.SET_RENDERINGINTENT,
            OperatorName.SET_FLATNESS);

    private final RulingCollector rulings;

    /** Page {@code number} (1-based) of {@code document}; walked by {@link #process()}. */
    PageWalk(PDDocument document, int number) throws IOException {
        super(document, number);
        this.rulings = new RulingCollector(document.getPage(number - 1), this);
        for (String name : HANDED_ON) addOperator(new HandOn(name));
        addOperator(new ImageOrForm());
    }

    RulingCollector rulings() {
        return rulings;
    }

    @Override
    protected void showText(byte[] string) throws IOException {
        rulings.shown(string);
        super.showText(string);
    }

    /** Hands one operator to the ruling collector. */
    private final class HandOn extends OperatorProcessor {
        private final String name;

        HandOn(String name) {
            this.name = name;
        }

        @Override
        public void process(Operator operator, List<COSBase> operands) throws IOException {
            rulings.run(operator, operands);
        }

        @Override
        public String getName() {
            return name;
        }
    }

    /** {@code Do}: images to the ruling collector, everything else to the text stripper's operator. */
    private final class ImageOrForm extends OperatorProcessor {
        private final DrawObject text = new DrawObject();

        ImageOrForm() {
            text.setContext(PageWalk.this);
        }

        @Override
        public void process(Operator operator, List<COSBase> operands) throws IOException {
            if (!operands.isEmpty() && operands.get(0) instanceof COSName name && getResources().isImageXObject(name)) {
                rulings.run(operator, operands);
            } else {
                text.process(operator, operands);
            }
        }

        @Override
        public String getName() {
            return OperatorName.DRAW_OBJECT;
        }
    }
}
