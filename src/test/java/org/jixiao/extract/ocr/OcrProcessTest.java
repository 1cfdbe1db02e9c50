package org.jixiao.extract.ocr;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The OCR worker's own bound: past its memory it is stopped, and the reason is said in Chinese. */
class OcrProcessTest {

    @Test
    void aWorkerPastItsMemoryBoundIsStoppedWithTheReason() {
        BufferedImage page = new BufferedImage(800, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 300);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 40));
        g.drawString("年度资金总额 500.00", 50, 150);
        g.dispose();
        // A Java process with the engine's models loaded is far above 64 MB resident.
        OcrLimitException e = assertThrows(OcrLimitException.class, () -> new OcrProcess(64).recognize(page));
        assertTrue(e.getMessage().contains("文字识别（OCR）子进程占用内存") && e.getMessage().contains("超出 64 MB 的上限"), e.getMessage());
    }

    @Test
    void residentMemoryIsReadForALiveProcessAndZeroForNone() {
        assertTrue(OcrProcess.residentMb(ProcessHandle.current().pid()) > 10);
        assertTrue(OcrProcess.residentMb(-1) == 0);
    }
}
