package org.safecity.evidence;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** A multipart/form-data body as a browser sends it: text fields, then one file whose content is streamed. */
final class Multipart {

    final String boundary = "----safecity" + UUID.randomUUID();
    private final Map<String, String> fields = new LinkedHashMap<>();

    Multipart field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.BodyPublisher file(String filename, byte[] content) {
        return file(filename, () -> new ByteArrayInputStream(content), content.length);
    }

    /** The whole body, its content read from {@code content} as it is sent; its length is known, so no chunking. */
    HttpRequest.BodyPublisher file(String filename, Supplier<InputStream> content, long contentLength) {
        var head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\n")
            .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\n")
            .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(filename).append("\"\r\n")
            .append("Content-Type: application/octet-stream\r\n\r\n");
        byte[] before = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] after = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        Supplier<InputStream> body = () -> new SequenceInputStream(Collections.enumeration(List.of(
            new ByteArrayInputStream(before), content.get(), new ByteArrayInputStream(after))));
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body),
            before.length + contentLength + after.length);
    }

    /** Only text fields, no file. */
    HttpRequest.BodyPublisher withoutFile() {
        var body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
            .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }
}
