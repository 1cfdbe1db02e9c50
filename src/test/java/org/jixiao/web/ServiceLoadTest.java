package org.jixiao.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jixiao.pipeline.Corpus;
import org.jixiao.route.DataFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service under load: 200 uploads from 8 concurrent clients on loopback, half of them broken.
 * Every good one must be indexed once, every bad one kept in failed/ with its reason, no 5xx.
 * Prints the figures (time, peak heap) for the record; asserts only what must hold.
 */
class ServiceLoadTest {

    static final int UPLOADS = 200;
    static final int CLIENTS = 8;

    @TempDir
    Path root;

    private static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void twoHundredUploadsFromEightClientsHalfBroken() throws Exception {
        DataFolders folders = DataFolders.under(root.resolve("data"));
        List<Path> texts = Corpus.goldenTextInputs();
        byte[] pdf = Files.readAllBytes(Corpus.goldenInputs().stream()
                .filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow());
        Random random = new Random(7);
        List<String> names = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        List<String> good = new ArrayList<>();
        for (int i = 0; i < UPLOADS / 2; i++) {
            // A good report with content of its own: the same form, one more line of prose.
            Path t = texts.get(i % texts.size());
            byte[] b = (Files.readString(t, StandardCharsets.UTF_8) + "\n附：第 " + i + " 次上传。\n").getBytes(StandardCharsets.UTF_8);
            names.add("good-" + i + "-" + t.getFileName());
            bodies.add(b);
            good.add(sha256(b));
        }
        for (int i = 0; i < UPLOADS / 2; i++) {
            byte[] junk = new byte[512 + random.nextInt(4096)];
            random.nextBytes(junk);
            junk[0] = 0;
            byte[] b = switch (i % 4) {
                case 0 -> new byte[0];
                case 1 -> junk;
                case 2 -> ("会议纪要第 " + i + " 号\n\n讨论食堂菜单。\n").getBytes(StandardCharsets.UTF_8);
                default -> Arrays.copyOf(pdf, pdf.length / 3 + i);
            };
            names.add("bad-" + i + (i % 4 == 3 ? ".pdf" : ".txt"));
            bodies.add(b);
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peakHeap = new AtomicLong();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        try (JixiaoServer server = TestServer.start(folders)) {
            WebSession page = WebSession.open(server.port());
            HttpClient http = page.http;
            URI upload = URI.create("http://127.0.0.1:" + server.port() + "/api/reports");
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < UPLOADS; i++) {
                int n = i;
                sent.add(clients.submit(() -> {
                    HttpResponse<String> r = http.send(Multipart.upload(upload, names.get(n), bodies.get(n), page.token()),
                            HttpResponse.BodyHandlers.ofString());
                    statuses.merge(r.statusCode(), 1, Integer::sum);
                    if (names.get(n).startsWith("bad") == (r.statusCode() < 400)) {
                        System.out.println("unexpected " + r.statusCode() + " for " + names.get(n) + ": " + r.body());
                    }
                    peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    return null;
                }));
            }
            for (Future<?> f : sent) f.get(5, TimeUnit.MINUTES);
            clients.shutdown();
            server.index().nextCommit().get(30, TimeUnit.SECONDS);
            long indexed = good.stream().filter(server.index()::contains).count();
            double seconds = (System.nanoTime() - start) / 1e9;
            long failedReasons;
            try (var s = Files.list(folders.failed())) {
                failedReasons = s.filter(p -> p.toString().endsWith(DataFolders.ERROR_SUFFIX)).count();
            }
            long doneJson;
            try (var s = Files.list(folders.done())) {
                doneJson = s.filter(p -> p.toString().endsWith(".json")).count();
            }
            System.out.printf("load: %d uploads from %d clients in %.1f s (%.1f/s); statuses %s; good indexed %d/%d;"
                            + " done/ reports %d; failed/ reasons %d; peak heap %d MB%n",
                    UPLOADS, CLIENTS, seconds, UPLOADS / seconds, statuses, indexed, good.size(), doneJson,
                    failedReasons, peakHeap.get() / (1024 * 1024));
            assertTrue(statuses.keySet().stream().noneMatch(c -> c >= 500), "no 5xx: " + statuses);
            assertEquals(UPLOADS / 2, statuses.getOrDefault(201, 0) + statuses.getOrDefault(200, 0), statuses.toString());
            assertEquals(good.size(), indexed, "every good upload indexed");
            assertEquals(UPLOADS / 2, doneJson, "one report JSON per good upload, none twice");
            assertEquals(UPLOADS / 2, failedReasons, "every bad upload kept with its reason");
        }
    }
}
