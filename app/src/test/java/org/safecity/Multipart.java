package org.safecity;

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
public final class Multipart {

    public final String boundary = "----safecity" + UUID.randomUUID();
    private final Map<String, String> fields = new LinkedHashMap<>();

    public Multipart field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher file(String filename, byte[] content) {
        return file("file", filename, content);
    }

    /** The whole body with the file in the named field. */
    public HttpRequest.BodyPublisher file(String field, String filename, byte[] content) {
        return file(field, filename, () -> new ByteArrayInputStream(content), content.length);
    }

    public HttpRequest.BodyPublisher file(String filename, Supplier<InputStream> content, long contentLength) {
        return file("file", filename, content, contentLength);
    }

    /** The whole body, its content read from {@code content} as it is sent; its length is known, so no chunking. */
    public HttpRequest.BodyPublisher file(String field, String filename, Supplier<InputStream> content, long contentLength) {
        var head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\n")
            .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\n")
            .append("Content-Disposition: form-data; name=\"").append(field).append("\"; filename=\"").append(filename).append("\"\r\n")
            .append("Content-Type: application/octet-stream\r\n\r\n");
        byte[] before = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] after = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        Supplier<InputStream> body = () -> new SequenceInputStream(Collections.enumeration(List.of(
            new ByteArrayInputStream(before), content.get(), new ByteArrayInputStream(after))));
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body),
            before.length + contentLength + after.length);
    }

    /** Only text fields, no file. */
    public HttpRequest.BodyPublisher withoutFile() {
        var body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
            .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }
}
