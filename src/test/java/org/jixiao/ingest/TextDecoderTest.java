package org.jixiao.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    private static final String TEXT = "项目名称\t信息化运维经费\n执行率 91.81%（调整后预算数 1,688.91 万元）";

    @Test
    void utf8WithAndWithoutBom() {
        assertEquals(TEXT, TextDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8), "a.txt"));
        byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertEquals(TEXT, TextDecoder.decode(withBom, "a.txt"));
    }

    @Test
    void gbkIsDetectedAndConverted() {
        assertEquals(TEXT, TextDecoder.decode(TEXT.getBytes(Charset.forName("GBK")), "gbk.txt"));
        assertEquals(TEXT, TextDecoder.decode(TEXT.getBytes(Charset.forName("GB18030")), "gb18030.txt"));
    }

    @Test
    void utf16WithBomBothOrders() {
        assertEquals(TEXT, TextDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_16), "be.txt"));
        byte[] le = TEXT.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[le.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(le, 0, withBom, 2, le.length);
        assertEquals(TEXT, TextDecoder.decode(withBom, "le.txt"));
    }

    @Test
    void utf16WithoutBomMostlyAscii() {
        String ascii = "Project\tBudget 2020\n1688.91\t1550.59\n" + "执行率";
        assertEquals(ascii, TextDecoder.decode(ascii.getBytes(StandardCharsets.UTF_16LE), "le.txt"));
    }

    @Test
    void undecodableBytesNameTheFile() {
        byte[] junk = {(byte) 0x81, (byte) 0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0x81};
        UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> TextDecoder.decode(junk, "坏文件.txt"));
        assertEquals("坏文件.txt", e.fileName());
        assertTrue(e.reason().contains("编码"), e.reason());
    }
}
