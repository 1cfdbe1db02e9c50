package org.jixiao.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI file the service serves describes exactly the API there is: every route the REST
 * DSL and the session gate declare, with its method, and no route that is not there.
 */
class OpenApiTest {

    private static final Pattern REST = Pattern.compile("\\.(get|post)\\(\"(/[^\"]*)\"\\)");
    private static final Pattern GATE = Pattern.compile("router\\.(get|post)\\(\"(/api/[^\"]*)\"\\)");

    @Test
    void everyRouteIsDocumentedAndNothingElse() throws Exception {
        Set<String> declared = new TreeSet<>();
        for (String source : new String[] {"ApiRoutes.java", "ReviewRoutes.java", "PageRoutes.java"}) {
            Matcher m = REST.matcher(Files.readString(Path.of("src/main/java/org/jixiao/web", source)));
            while (m.find()) declared.add(m.group(1).toUpperCase() + " /api" + m.group(2));
        }
        Matcher g = GATE.matcher(Files.readString(Path.of("src/main/java/org/jixiao/web/SessionGate.java")));
        while (g.find()) declared.add(g.group(1).toUpperCase() + " " + g.group(2));
        declared.add("GET /api/openapi.json");

        JsonNode doc;
        try (InputStream in = OpenApiTest.class.getResourceAsStream("/web/openapi.json")) {
            doc = new ObjectMapper().readTree(in);
        }
        assertTrue(doc.path("openapi").asText().startsWith("3."));
        Set<String> documented = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + p.getKey())));
        assertEquals(declared, documented);
        assertTrue(StaticPages.PAGES.containsKey("/api/openapi.json"), "served by the service");
    }
}
