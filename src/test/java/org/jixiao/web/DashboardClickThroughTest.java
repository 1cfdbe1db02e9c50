package org.jixiao.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Report;
import org.jixiao.output.ReportJson;
import org.jixiao.pipeline.Corpus;
import org.jixiao.pipeline.Pipeline;
import org.jixiao.route.DataFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every figure on the dashboard opens the list of exactly the reports it counts: each band of
 * execution rate and total score, each finding code and each region, asked of the running service
 * over HTTP after the corpus's text reports are stored.
 */
class DashboardClickThroughTest {

    private static final int REPORTS = 8;

    @TempDir
    Path root;

    @Test
    void eachBandCodeAndRegionListsWhatItCounts() throws Exception {
        Pipeline pipeline = new Pipeline(Mappings.bundled());
        try (JixiaoServer server = TestServer.start(DataFolders.under(root.resolve("data")))) {
            int stored = 0;
            Instant at = Instant.parse("2026-03-01T08:00:00Z");
            // A handful of the corpus's text reports: enough for several bands, regions and codes.
            for (Path input : Corpus.goldenTextInputs().stream().limit(REPORTS).toList()) {
                Report r = pipeline.process(input);
                server.store().recordChecked(r, ReportJson.write(r), Files.readAllBytes(input), "经办甲", at.plusSeconds(stored++));
            }
            assertTrue(stored >= 5, "the corpus has text reports: " + stored);
            String base = "http://127.0.0.1:" + server.port() + "/api/";
            JsonNode dashboard = get(base + "dashboard").body;

            int withRate = 0;
            for (JsonNode band : dashboard.path("executionRate")) {
                assertEquals(band.path("count").asInt(), count(base + "submissions?rate=" + band.path("from").asInt()), band.toString());
                withRate += band.path("count").asInt();
            }
            assertTrue(withRate > 0, "some reports print an execution rate");
            for (JsonNode band : dashboard.path("totalScore")) {
                assertEquals(band.path("count").asInt(), count(base + "submissions?score=" + band.path("from").asInt()), band.toString());
            }
            for (Map.Entry<String, JsonNode> region : iterable(dashboard.path("byRegion"))) {
                if (region.getKey().equals("（未识别）")) continue;
                assertEquals(region.getValue().asInt(), count(base + "submissions?region=" + enc(region.getKey())), region.getKey());
            }
            JsonNode all = get(base + "submissions").body.path("submissions");
            assertTrue(dashboard.path("byFinding").size() > 0, "the corpus reports have findings");
            for (Map.Entry<String, JsonNode> code : iterable(dashboard.path("byFinding"))) {
                long reports = 0;
                for (JsonNode s : all) {
                    for (JsonNode c : s.path("findingCodes")) {
                        if (c.asText().equals(code.getKey())) {
                            reports++;
                            break;
                        }
                    }
                }
                assertEquals(reports, count(base + "submissions?code=" + enc(code.getKey())),
                        code.getKey() + ": the reports with it, however many findings of it each has");
            }

            Answer wrong = get(base + "submissions?rate=95");
            assertEquals(400, wrong.status);
            assertTrue(wrong.body.path("error").asText().contains("0、60、70、80、90、100"), wrong.body.toString());
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    private static Answer get(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), ReportJson.mapper().readTree(r.body()));
    }

    private static int count(String url) throws Exception {
        Answer a = get(url);
        assertEquals(200, a.status, url + " " + a.body);
        return a.body.path("count").asInt();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        List<Map.Entry<String, JsonNode>> out = new java.util.ArrayList<>();
        object.fields().forEachRemaining(out::add);
        return out;
    }
}
