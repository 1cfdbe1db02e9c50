package org.jixiao.index;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.InflaterInputStream;
import org.jixiao.model.Comparator;
import org.jixiao.model.Report;
import org.jixiao.output.ReportJson;

/**
 * The canonical JSON kept with each report document (as a binary doc value), and back: a
 * superseded report is rewritten from it, since Lucene cannot flip an indexed flag in place.
 */
final class ReportCodec {

    private static final ObjectMapper MAPPER = ReportJson.mapper().copy()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule().addDeserializer(Comparator.class, new JsonDeserializer<>() {
                @Override
                public Comparator deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                    String text = p.getValueAsString();
                    for (Comparator c : Comparator.values()) {
                        if (c.symbol().equals(text) || c.name().equals(text)) return c;
                    }
                    throw ctxt.weirdStringException(text, Comparator.class, "不是比较符号");
                }
            }));

    private static final int BUFFER = 8192;

    private ReportCodec() {
    }

    static String write(Report report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Report read(String json) {
        try {
            return MAPPER.readValue(json, Report.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JSON deflated: doc values do not compress large values the way stored fields do, and a
     * report's JSON shrinks several times (its field names repeat on every row).
     */
    static byte[] compress(Report report) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(write(report).getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[BUFFER];
            while (!deflater.finished()) out.write(buf, 0, deflater.deflate(buf));
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static Report decompress(byte[] bytes, int offset, int length) {
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(bytes, offset, length))) {
            return MAPPER.readValue(in, Report.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
