package org.jixiao.pipeline;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Validates JSON output against the published contract, schema/report.schema.json. */
public final class ReportSchema {

    private static final JsonSchema SCHEMA = load();

    private ReportSchema() {
    }

    private static JsonSchema load() {
        Path file = Path.of("schema/report.schema.json");
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the schema finds wrong with a report's JSON; empty when it validates. */
    public static Set<ValidationMessage> errors(JsonNode report) {
        return SCHEMA.validate(report);
    }

    public static void assertValid(JsonNode report, String what) {
        Set<ValidationMessage> errors = SCHEMA.validate(report);
        if (!errors.isEmpty()) fail(what + " does not validate against schema/report.schema.json: " + errors);
    }
}
