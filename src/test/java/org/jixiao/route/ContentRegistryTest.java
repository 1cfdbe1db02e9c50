package org.jixiao.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jixiao.model.Funds;
import org.jixiao.model.Project;
import org.jixiao.model.Report;
import org.jixiao.model.ReportKind;
import org.jixiao.model.SourceInfo;
import org.jixiao.output.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New, duplicate or resumed: what a submission is, by its content, in this run and after a restart. */
class ContentRegistryTest {

    private static final String SHA = "ab".repeat(32);

    @TempDir
    Path data;

    private DataFolders folders() throws Exception {
        DataFolders folders = DataFolders.under(data);
        folders.create();
        return folders;
    }

    private static Report report() {
        Funds none = new Funds(null, null, null, null, null, null, null, null, null, List.of(), null);
        return new Report(ReportKind.SELF_EVALUATION, 2020, "江阴市", "320281", "标题",
                new SourceInfo("a.txt", SHA, "text/plain", null), new Project("项目", null, null), none,
                List.of(), List.of(), null, List.of(), List.of());
    }

    @Test
    void aCopyArrivingBeforeTheFirstIsMovedIsItsDuplicateNotItsResumption() throws Exception {
        ContentRegistry registry = ContentRegistry.load(folders());
        Claim first = registry.claim(SHA, "a.txt");
        assertEquals(Claim.Kind.NEW, first.kind());
        // Checked, its JSON written, but the original not yet moved out of the inbox.
        registry.checked(first.storedName(), report());
        Claim copy = registry.claim(SHA, "a-copy.txt");
        assertEquals(Claim.Kind.DUPLICATE, copy.kind());
        assertEquals("a.txt", copy.duplicateOf());
        assertEquals("a-copy.txt", copy.storedName());
    }

    @Test
    void contentCheckedInAnEarlierRunWhoseOriginalStayedInTheInboxIsResumedOnce() throws Exception {
        DataFolders folders = folders();
        Files.writeString(folders.done().resolve("a.txt" + DataFolders.REPORT_SUFFIX), ReportJson.write(report()));
        ContentRegistry registry = ContentRegistry.load(folders);
        Claim resumed = registry.claim(SHA, "a.txt");
        assertEquals(Claim.Kind.RESUME, resumed.kind());
        assertEquals("a.txt", resumed.storedName());
        assertEquals(Claim.Kind.DUPLICATE, registry.claim(SHA, "a-copy.txt").kind());
        registry.checked(resumed.storedName(), report());
        assertEquals(Claim.Kind.DUPLICATE, registry.claim(SHA, "a-again.txt").kind());
    }
}
