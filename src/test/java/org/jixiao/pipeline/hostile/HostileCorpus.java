package org.jixiao.pipeline.hostile;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jixiao.pipeline.SampleReports;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Generates the hostile corpus: broken, enormous and malicious submissions, made by code rather
 * than kept as binaries. {@code main(dir)} writes them to a folder for a manual run
 * ({@code java -jar target/jixiao.jar check DIR}); the tests generate them into a temporary folder.
 * Every case is deterministic (fixed seeds), so a failure reproduces.
 */
public final class HostileCorpus {

    /** A real (small) report in the text form. */
    public static final String REPORT = SampleReports.SELF_EVALUATION;

    /** Size of the document inside the zip bomb once inflated: far beyond any real report. */
    static final int ZIP_BOMB_INFLATED_BYTES = 200 * 1024 * 1024;
    /** Pages of the "thousands of pages" PDF: well past the default page limit. */
    static final int MANY_PAGES = 3000;
    /** Depth of the nested-array PDF: deeper than a parser's stack allows for recursion. */
    static final int NESTING_DEPTH = 200_000;

    /** Levels of form XObjects in the fan-out PDF, and how often each draws the next: 10^10 drawings in 3 KB. */
    static final int FAN_OUT_DEPTH = 10;
    static final int FAN_OUT = 10;

    private HostileCorpus() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/hostile");
        Files.createDirectories(dir);
        write(dir).forEach((name, path) -> System.out.println(path));
    }

    /** Writes every case into {@code dir}; returns file name → path. */
    public static Map<String, Path> write(Path dir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] utf8 = REPORT.getBytes(StandardCharsets.UTF_8);
        files.put("empty.txt", new byte[0]);
        files.put("junk.pdf", random(1, 64 * 1024));
        files.put("junk.txt", random(2, 64 * 1024));
        files.put("junk.docx", random(3, 16 * 1024));
        files.put("text-named-as.pdf", utf8);
        files.put("utf8-bom.txt", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8));
        files.put("gbk.txt", REPORT.getBytes(Charset.forName("GBK")));
        files.put("utf16le-bom.txt", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, REPORT.getBytes(StandardCharsets.UTF_16LE)));
        files.put("utf16be.txt", REPORT.getBytes(StandardCharsets.UTF_16));
        files.put("no-tables.txt", ("2022 年度社区服务项目绩效自评报告\n\n一、项目概况\n\n本项目全年开展社区服务，资金执行率 90.00%。\n")
                .getBytes(StandardCharsets.UTF_8));
        files.put("not-a-report.txt", "会议纪要\n\n今天讨论了食堂菜单。\n".getBytes(StandardCharsets.UTF_8));
        files.put("script.html", ("<html><head><script>alert('x');document.location='http://127.0.0.1:9/steal'</script></head>"
                + "<body><h1>2022 年度社区服务项目绩效自评表<script>alert(1)</script></h1><table>"
                + "<tr><td>项目名称</td><td><img src=x onerror=alert(2)>社区服务项目</td></tr>"
                + "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年初目标值</td><td>实际完成值</td><td>分值</td><td>得分</td></tr>"
                + "<tr><td>效益指标</td><td>社会效益指标</td><td>服务人次<script>x()</script></td><td>≥1000 人次</td><td>1200 人次</td><td>40</td><td>40</td></tr>"
                + "</table></body></html>").getBytes(StandardCharsets.UTF_8));
        files.put("报告 带 空格.txt", utf8);
        files.put("..两个点..txt", utf8);
        files.put("长".repeat(70) + ".txt", utf8);
        files.put("zip-bomb.docx", zipBomb());
        files.put("xxe.docx", xxeDocx());
        files.put("latin-text-named-as.txt", simplePdf("Annual report 2022"));
        files.put("encrypted-user-password.pdf", encrypted("secret"));
        files.put("encrypted-owner-only.pdf", encrypted(""));
        byte[] valid = simplePdf("Budget performance 2022");
        files.put("truncated.pdf", java.util.Arrays.copyOf(valid, valid.length * 6 / 10));
        files.put("xref-damaged.pdf", damageXref(valid));
        files.put("broken-stream.pdf", brokenStream());
        files.put("thousands-of-pages.pdf", manyPages());
        files.put("huge-page.pdf", hugePage());
        files.put("deeply-nested.pdf", deeplyNested());
        files.put("cyclic-pages.pdf", cyclicPages());
        files.put("image-only.pdf", imageOnly());
        Map<String, Path> out = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.write(p, e.getValue());
            out.put(e.getKey(), p);
        }
        return out;
    }

    private static byte[] random(long seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        // No magic number may survive by chance: start with bytes no format begins with.
        b[0] = 0x00;
        b[1] = (byte) 0xFE;
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "</Types>";
    private static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
            + "</Relationships>";

    private static byte[] docx(String documentXml, int padding) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            put(zip, "[Content_Types].xml", CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
            put(zip, "_rels/.rels", RELS.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            int split = documentXml.indexOf("<w:body>") + "<w:body>".length();
            zip.write(documentXml.substring(0, split).getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int written = 0; written < padding; written += spaces.length) zip.write(spaces);
            zip.write(documentXml.substring(split).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static final String W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    static byte[] zipBomb() throws IOException {
        return docx("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " + W + "><w:body>"
                + "<w:p><w:r><w:t>2022 年度项目绩效自评表</w:t></w:r></w:p></w:body></w:document>", ZIP_BOMB_INFLATED_BYTES);
    }

    /** A document whose XML declares an external entity pointing at a local file and a local URL. */
    static byte[] xxeDocx() throws IOException {
        return docx("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<!DOCTYPE w:document [<!ENTITY secret SYSTEM \"file:///etc/passwd\"><!ENTITY remote SYSTEM \"http://127.0.0.1:9/x\">]>"
                + "<w:document " + W + "><w:body>"
                + "<w:p><w:r><w:t>2022 年度项目绩效自评表 &secret; &remote;</w:t></w:r></w:p></w:body></w:document>", 0);
    }

    private static byte[] save(PDDocument doc) throws IOException {
        try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] simplePdf(String text) throws IOException {
        PDDocument doc = new PDDocument();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.beginText();
            cs.setFont(PDType1Font.HELVETICA, 12);
            cs.newLineAtOffset(72, 700);
            cs.showText(text);
            cs.endText();
        }
        return save(doc);
    }

    static byte[] encrypted(String userPassword) throws IOException {
        PDDocument doc = new PDDocument();
        doc.addPage(new PDPage());
        AccessPermission none = new AccessPermission();
        none.setCanExtractContent(false);
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, none);
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
        return save(doc);
    }

    static byte[] damageXref(byte[] valid) {
        String s = new String(valid, StandardCharsets.ISO_8859_1);
        int at = s.lastIndexOf("startxref");
        String damaged = s.substring(0, at) + "startxref\n999999999\n%%EOF\n";
        damaged = damaged.replace("xref\n0 ", "xref\n7 ");
        return damaged.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Writes a PDF from numbered object bodies, computing the xref offsets. */
    static byte[] rawPdf(List<String> objects, int root) {
        StringBuilder sb = new StringBuilder("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(sb.length());
            sb.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = sb.length();
        sb.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) sb.append(String.format("%010d 00000 n \n", o));
        sb.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root ").append(root)
                .append(" 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] brokenStream() {
        String garbage = "x\u009C\u00FF\u00FF\u0000\u0013garbage-that-is-not-deflate\u0001\u0002";
        return rawPdf(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                "<< /Length " + garbage.length() + " /Filter /FlateDecode >>\nstream\n" + garbage + "\nendstream"), 1);
    }

    static byte[] manyPages() throws IOException {
        PDDocument doc = new PDDocument();
        for (int i = 0; i < MANY_PAGES; i++) doc.addPage(new PDPage(PDRectangle.A4));
        return save(doc);
    }

    static byte[] hugePage() throws IOException {
        PDDocument doc = new PDDocument();
        // 14400 pt is the largest page side the PDF specification allows (200 inches).
        PDPage page = new PDPage(new PDRectangle(14400, 14400));
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            for (int i = 0; i < 200; i++) {
                cs.addRect(100 + i * 70, 100, 60, 14000);
                cs.addRect(100, 100 + i * 70, 14000, 60);
            }
            cs.stroke();
        }
        return save(doc);
    }

    static byte[] deeplyNested() {
        String nested = "[".repeat(NESTING_DEPTH) + "]".repeat(NESTING_DEPTH);
        return rawPdf(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots " + nested + " >>"), 1);
    }

    static byte[] cyclicPages() {
        return rawPdf(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 2 >>"), 1);
    }

    /**
     * A page drawing a form XObject that draws the next one {@link #FAN_OUT} times, over
     * {@link #FAN_OUT_DEPTH} levels: no cycle for PDFBox's recursion check to catch (a form drawing
     * itself, directly or through another, is caught), but work exponential in the file's size — a
     * parser thread on it runs for days.
     */
    public static byte[] formFanOut() {
        List<String> objects = new ArrayList<>(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 5 0 R >> >> /Contents 4 0 R >>",
                stream("", "/X Do")));
        for (int level = 0; level < FAN_OUT_DEPTH; level++) {
            boolean leaf = level == FAN_OUT_DEPTH - 1;
            String resources = leaf ? "<< >>" : "<< /XObject << /X " + (objects.size() + 2) + " 0 R >> >>";
            objects.add(stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources " + resources,
                    leaf ? "0 0 m 10 10 l S" : "/X Do ".repeat(FAN_OUT)));
        }
        return rawPdf(objects, 1);
    }

    /**
     * A page whose content stream inflates to one string operand of {@code length} characters: a
     * few hundred KB that a parser must hold in memory whole.
     */
    public static byte[] inflatingString(int length) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] prefix = "BT /F1 12 Tf (".getBytes(StandardCharsets.ISO_8859_1);
        byte[] suffix = ") Tj ET".getBytes(StandardCharsets.ISO_8859_1);
        byte[] chunk = "A".repeat(1 << 16).getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[1 << 16];
        deflater.setInput(prefix);
        for (int written = 0; written < length; written += chunk.length) {
            while (!deflater.needsInput()) content.write(out, 0, deflater.deflate(out));
            deflater.setInput(chunk, 0, Math.min(chunk.length, length - written));
        }
        while (!deflater.needsInput()) content.write(out, 0, deflater.deflate(out));
        deflater.setInput(suffix);
        deflater.finish();
        while (!deflater.finished()) content.write(out, 0, deflater.deflate(out));
        String data = content.toString(StandardCharsets.ISO_8859_1);
        return rawPdf(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
                "<< /Length " + data.length() + " /Filter /FlateDecode >>\nstream\n" + data + "\nendstream"), 1);
    }

    private static String stream(String dictionary, String content) {
        return "<< " + dictionary + " /Length " + content.length() + " >>\nstream\n" + content + "\nendstream";
    }

    static byte[] imageOnly() throws IOException {
        PDDocument doc = new PDDocument();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        BufferedImage img = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 800);
        g.setColor(Color.BLACK);
        for (int y = 50; y < 750; y += 40) g.drawLine(40, y, 560, y);
        g.dispose();
        PDImageXObject x = LosslessFactory.createFromImage(doc, img);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.drawImage(x, 0, 0, 595, 842);
        }
        return save(doc);
    }
}
