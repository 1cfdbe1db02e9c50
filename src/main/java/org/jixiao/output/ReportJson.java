package org.jixiao.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jixiao.model.Comparator;
import org.jixiao.model.OcrReading;
import org.jixiao.model.ScannedPart;
import org.jixiao.model.Report;

/**
 * The canonical JSON: numbers as JSON numbers with the scale as printed (300.00), comparators as
 * their symbols, nulls kept (null means "the document does not say").
 */
public final class ReportJson {

    /** Leaves out a property that is null. */
    private static final JsonInclude.Value NOT_FROM_A_SCAN = JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // Maps (figureLocations) in key order: the same report always prints the same JSON
            // (Map.copyOf iterates in a per-JVM random order).
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            // What a scan gave is written only where something was recognised from one: a report of
            // a text layer prints exactly the JSON it printed before OCR existed.
            .withConfigOverride(OcrReading.class, o -> o.setIncludeAsProperty(NOT_FROM_A_SCAN))
            .withConfigOverride(ScannedPart.class, o -> o.setIncludeAsProperty(NOT_FROM_A_SCAN))
            .addModule(new SimpleModule().addSerializer(Comparator.class, new JsonSerializer<>() {
                @Override
                public void serialize(Comparator value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                    gen.writeString(value.symbol());
                }
            }).addDeserializer(Comparator.class, new JsonDeserializer<>() {
                @Override
                public Comparator deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                    String symbol = p.getValueAsString();
                    for (Comparator c : Comparator.values()) {
                        if (c.symbol().equals(symbol)) return c;
                    }
                    return (Comparator) ctx.handleWeirdStringValue(Comparator.class, symbol, "not a comparator symbol");
                }
            }))
            // Reading back: exact decimals (300.00 stays 300.00), and fields a newer writer added are
            // not an error (a derived field such as partlyRead is written but not a component).
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ReportJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A report from its canonical JSON (what {@link #write(Report)} wrote, e.g. from the store of
     * record): the same report, field for field.
     */
    public static Report read(String json) {
        try {
            return MAPPER.readValue(json, Report.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(Report report) {
        return writeValue(report);
    }

    /** One report on one line, for {@code --format jsonl}: the same fields as {@link #write(Report)}. */
    public static String writeLine(Report report) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(List<Report> reports) {
        return writeValue(reports);
    }

    /** One extracted block on one line: {"table": [[cells…]…], "page": N} or {"text": "…"}. */
    public static String writeBlock(org.jixiao.model.Block block) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        if (block instanceof org.jixiao.model.TableBlock t) {
            m.put("table", t.rows().stream().map(org.jixiao.model.TableRow::cells).toList());
        } else if (block instanceof org.jixiao.model.TextBlock p) {
            m.put("text", p.text());
        }
        m.put("location", block.location());
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String writeValue(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
