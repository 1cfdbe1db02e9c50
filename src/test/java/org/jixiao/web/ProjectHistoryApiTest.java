package org.jixiao.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Report;
import org.jixiao.model.Submission;
import org.jixiao.output.ReportJson;
import org.jixiao.pipeline.Pipeline;
import org.jixiao.route.DataFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project across years in the submission's answer: its history, and a declaration's targets
 * beside the previous year's self-evaluation — indicator by indicator, what was promised and
 * achieved then, and what is promised now.
 */
class ProjectHistoryApiTest {

    @TempDir
    Path root;

    @Test
    void aDeclarationShowsLastYearsResultsBesideItsTargets() throws Exception {
        Pipeline pipeline = new Pipeline(Mappings.bundled());
        Report selfEvaluation = pipeline.process(Path.of("corpus/qingdao-2019-self-eval-mof/qingdao-2019-self-eval-mof.txt"));
        Report declarationElsewhere = pipeline.process(Path.of(
                "corpus/hangzhou-xihu-2024-declaration-elevator/hangzhou-xihu-2024-declaration-elevator.txt"));
        // The next year's declaration of the same project: the corpus declaration filed under this
        // project, region and year, its first indicator the one measured last year.
        ObjectNode next = (ObjectNode) ReportJson.mapper().readTree(ReportJson.write(declarationElsewhere));
        next.put("year", selfEvaluation.year() + 1);
        next.put("region", selfEvaluation.region());
        ((ObjectNode) next.get("project")).put("name", selfEvaluation.project().name());
        ((ObjectNode) next.get("source")).put("sha256", "ab".repeat(32));
        String measured = selfEvaluation.indicators().get(0).name();
        ((ObjectNode) next.get("indicators").get(0)).put("name", measured);
        Report declaration = ReportJson.read(next.toString());

        try (JixiaoServer server = TestServer.start(DataFolders.under(root.resolve("data")))) {
            Submission then = server.store().recordChecked(selfEvaluation, ReportJson.write(selfEvaluation),
                    Files.readAllBytes(Path.of("corpus/qingdao-2019-self-eval-mof/qingdao-2019-self-eval-mof.txt")),
                    "经办甲", Instant.parse("2020-03-01T08:00:00Z"));
            Submission now = server.store().recordChecked(declaration, ReportJson.write(declaration), null, "经办甲",
                    Instant.parse("2020-11-01T08:00:00Z"));

            WebSession page = WebSession.open(server.port());
            JsonNode body = ReportJson.mapper().readTree(page.get("/api/submissions/" + now.id()).body());
            assertEquals(2, body.path("history").size());
            assertEquals(then.id(), body.path("history").get(0).path("id").asLong(), "the older year first");
            JsonNode lastYear = body.path("lastYear");
            assertEquals(then.id(), lastYear.path("submission").path("id").asLong());
            JsonNode row = lastYear.path("indicators").get(0);
            assertEquals(measured, row.path("name").asText());
            assertEquals(declaration.indicators().get(0).target(), row.path("target").asText());
            assertEquals(selfEvaluation.indicators().get(0).target(), row.path("lastYearTarget").asText());
            assertEquals(selfEvaluation.indicators().get(0).actual(), row.path("lastYearActual").asText());
            assertTrue(lastYear.path("indicators").get(1).path("lastYearActual").isNull(), "an indicator new this year has no result");

            JsonNode old = ReportJson.mapper().readTree(page.get("/api/submissions/" + then.id()).body());
            assertTrue(old.path("lastYear").isMissingNode(), "a self-evaluation is not compared with a later declaration");
        }
    }
}
