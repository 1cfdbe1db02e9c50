package org.jixiao.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data request with one file, its file name written as given (hostile names included). */
final class Multipart {

    private Multipart() {
    }

    static HttpRequest upload(URI uri, String fileName, byte[] content) {
        return upload(uri, fileName, content, null);
    }

    /** The same with the page's CSRF token in its header (null: none, as a foreign page would send). */
    static HttpRequest upload(URI uri, String fileName, byte[] content, String csrfToken) {
        String boundary = "jixiao-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (csrfToken != null) request.header(SessionGate.CSRF_HEADER, csrfToken);
        return request
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
    }
}
