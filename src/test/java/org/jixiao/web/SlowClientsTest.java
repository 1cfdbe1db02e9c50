package org.jixiao.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jixiao.route.DataFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slowloris: stalled and trickling clients neither starve the service nor hold connections forever. */
class SlowClientsTest {

    private static final Duration IDLE = Duration.ofSeconds(1);
    private static final Duration REQUEST = Duration.ofSeconds(3);
    private static final int CAP = 60;
    private static final int SLOW = 50;

    @TempDir
    Path root;

    @Test
    void stalledConnectionsAreClosedAndHealthStillAnswers() throws Exception {
        JixiaoServer server = TestServer.start(ServerSettings.defaults(DataFolders.under(root.resolve("data")))
                .withTimeouts(IDLE, REQUEST, CAP));
        List<Socket> sockets = new ArrayList<>();
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        try {
            int port = server.port();
            // The uploads come from a page of the service: its session cookie and CSRF token, so that
            // they get as far as their bodies.
            WebSession page = WebSession.open(port);
            String credentials = "Cookie: " + page.cookieHeader() + "\r\n" + SessionGate.CSRF_HEADER + ": " + page.token() + "\r\n";
            for (int i = 0; i < SLOW; i++) {
                Socket s = open(port);
                sockets.add(s);
                // Half stop in the middle of the headers, half in the middle of an upload's body.
                String partial = i % 2 == 0
                        ? "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
                        : "POST /api/reports HTTP/1.1\r\nHost: 127.0.0.1\r\n" + credentials + "Content-Type: multipart/form-data; boundary=b\r\n"
                                + "Content-Length: 100000\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.txt\"\r\n\r\n";
                s.getOutputStream().write(partial.getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush();
            }
            // One that trickles an upload a byte at a time, faster than the idle timeout: only the request deadline stops it.
            Socket trickle = open(port);
            sockets.add(trickle);
            trickle.getOutputStream().write(("POST /api/reports HTTP/1.1\r\nHost: 127.0.0.1\r\n" + credentials + "Content-Type: multipart/form-data; boundary=b\r\n"
                    + "Content-Length: 100000\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.txt\"\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            drip.scheduleAtFixedRate(() -> {
                try {
                    trickle.getOutputStream().write('a');
                    trickle.getOutputStream().flush();
                } catch (IOException closed) {
                    // The server closed it: what the test waits for.
                }
            }, 200, 200, TimeUnit.MILLISECONDS);

            long start = System.nanoTime();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3), "health answered within a few seconds");

            // Every slow connection is closed by the server: the idle timeout, or the request deadline for the trickle.
            long deadline = System.nanoTime() + REQUEST.plusSeconds(4).toNanos();
            String answer = answerUntilClosed(trickle, deadline);
            assertTrue(answer != null, "the trickling connection still open");
            assertTrue(System.nanoTime() - start > IDLE.multipliedBy(2).toNanos(), "kept while it sends, closed at the request deadline");
            assertTrue(answer.isEmpty() || (answer.startsWith("HTTP/1.1 408") && answer.contains("application/json")
                    && answer.contains("请求超时")), answer);
            for (Socket s : sockets) {
                assertTrue(closedByServer(s, deadline), "connection " + sockets.indexOf(s) + " still open");
            }
        } finally {
            drip.shutdownNow();
            for (Socket s : sockets) s.close();
            server.close();
        }
        assertTrue(sockets.stream().allMatch(Socket::isClosed));
    }

    @Test
    void connectionsAboveTheCapAreClosedAtOnce() throws Exception {
        int cap = 5;
        JixiaoServer server = TestServer.start(ServerSettings.defaults(DataFolders.under(root.resolve("cap")))
                .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(20), cap));
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < cap; i++) sockets.add(open(server.port()));
            // The cap is checked when Vert.x hands over a connection: a request on each makes sure they all have been.
            for (Socket s : sockets) {
                s.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                s.setSoTimeout(5_000);
                byte[] head = new byte[12];
                assertEquals(12, s.getInputStream().readNBytes(head, 0, 12));
                assertEquals("HTTP/1.1 200", new String(head, StandardCharsets.US_ASCII));
            }
            Socket over = open(server.port());
            sockets.add(over);
            assertTrue(closedByServer(over, System.nanoTime() + TimeUnit.SECONDS.toNanos(5)), "the connection over the cap is closed");
        } finally {
            for (Socket s : sockets) s.close();
            server.close();
        }
    }

    private static Socket open(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 3_000);
        return s;
    }

    /** What the server sends until it closes the connection; null if it is still open at the deadline. */
    private static String answerUntilClosed(Socket s, long deadlineNanos) throws IOException {
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[4096];
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (left <= 0) return null;
            s.setSoTimeout((int) left);
            try {
                int n = in.read(buffer);
                if (n < 0) return got.toString(StandardCharsets.UTF_8);
                got.write(buffer, 0, n);
            } catch (SocketTimeoutException e) {
                return null;
            } catch (IOException reset) {
                return got.toString(StandardCharsets.UTF_8);
            }
        }
    }

    /** Reads (and drops) whatever the server sends until it closes the connection or the deadline passes. */
    private static boolean closedByServer(Socket s, long deadlineNanos) throws IOException {
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[4096];
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (left <= 0) return false;
            s.setSoTimeout((int) left);
            try {
                if (in.read(buffer) < 0) return true;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }
    }
}
