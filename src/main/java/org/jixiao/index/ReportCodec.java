package org.jixiao.index;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
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
}
