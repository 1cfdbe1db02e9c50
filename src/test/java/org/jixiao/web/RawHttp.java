package org.jixiao.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One HTTP/1.1 exchange over a plain socket, for requests java.net.http will not send (a Host of our choosing). */
final class RawHttp {

    record Response(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) return line.substring(colon + 1).trim();
            }
            return null;
        }
    }

    private RawHttp() {
    }

    /** Sends {@code request} as is (it should say {@code Connection: close}) and reads the answer to the end. */
    static Response send(int port, String request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = all.indexOf("\r\n\r\n");
            String head = end < 0 ? all : all.substring(0, end);
            String body = end < 0 ? "" : all.substring(end + 4);
            int status = head.startsWith("HTTP/1.") ? Integer.parseInt(head.substring(9, 12)) : -1;
            return new Response(status, head, body);
        }
    }

    static Response get(int port, String path, String host) throws IOException {
        return send(port, "GET " + path + " HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
                + "Connection: close\r\n\r\n");
    }
}
