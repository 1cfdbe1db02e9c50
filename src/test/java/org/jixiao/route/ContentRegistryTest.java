package org.jixiao.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jixiao.model.Funds;
import org.jixiao.model.Project;
import org.jixiao.model.Report;
import org.jixiao.model.ReportKind;
import org.jixiao.model.SourceInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same content submitted twice while the first is still being checked. */
class ContentRegistryTest {

    private static final String SHA = "ab".repeat(32);

    @TempDir
    Path data;

    private final ExecutorService second = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        second.shutdownNow();
    }

    private ContentRegistry registry() throws Exception {
        DataFolders folders = DataFolders.under(data);
        folders.create();
        return ContentRegistry.load(folders);
    }

    private static Report report() {
        Funds none = new Funds(null, null, null, null, null, null, null, null, null, List.of(), null);
        return new Report(ReportKind.SELF_EVALUATION, 2020, "江阴市", "320281", "标题",
                new SourceInfo("a.txt", SHA, "text/plain", null), new Project("项目", null, null), none,
                List.of(), List.of(), null, List.of(), List.of());
    }

    /** Claims on another thread, and returns once that claim is waiting for the first check. */
    private Future<Claim> claimWhileFirstIsChecked(ContentRegistry registry, String name) {
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        Future<Claim> claim = second.submit(() -> {
            thread.complete(Thread.currentThread());
            return registry.claim(SHA, name);
        });
        Thread t = thread.join();
        while (t.getState() != Thread.State.TIMED_WAITING && !claim.isDone()) Thread.onSpinWait();
        return claim;
    }

    @Test
    void aCopyOfAContentThatPassesIsItsDuplicate() throws Exception {
        ContentRegistry registry = registry();
        Claim first = registry.claim(SHA, "a.txt");
        assertEquals(Claim.Kind.NEW, first.kind());
        Future<Claim> copy = claimWhileFirstIsChecked(registry, "a-copy.txt");
        registry.checked(first.storedName(), report());
        Claim claim = copy.get(10, TimeUnit.SECONDS);
        assertEquals(Claim.Kind.DUPLICATE, claim.kind());
        assertEquals("a.txt", claim.duplicateOf());
    }

    @Test
    void aCopyOfAContentThatFailsIsCheckedOnItsOwn() throws Exception {
        ContentRegistry registry = registry();
        Claim first = registry.claim(SHA, "a.txt");
        Future<Claim> copy = claimWhileFirstIsChecked(registry, "a-copy.txt");
        registry.abandoned(SHA);
        registry.release(first.storedName());
        Claim claim = copy.get(10, TimeUnit.SECONDS);
        assertEquals(Claim.Kind.NEW, claim.kind());
        assertNull(claim.duplicateOf());
        assertEquals("a-copy.txt", claim.storedName());
    }
}
