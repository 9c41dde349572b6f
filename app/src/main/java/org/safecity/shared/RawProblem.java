package org.safecity.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A problem+json written straight to a response, for refusals made before Spring MVC is reached (a
 * filter, the security firewall, the servlet container itself), where no message converter is at hand.
 */
final class RawProblem {

    private RawProblem() {
    }

    static void write(HttpServletResponse response, int status, String title, String detail, List<InvalidInput.FieldError> errors)
        throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(status, title, detail, errors));
        response.flushBuffer();
    }

    static String json(int status, String title, String detail, List<InvalidInput.FieldError> errors) {
        var out = new StringBuilder(256).append('{');
        if (status == 400) {
            out.append("\"type\":").append(quote(ProblemResponses.INVALID.toString())).append(',');
        }
        out.append("\"title\":").append(quote(title)).append(",\"status\":").append(status)
            .append(",\"detail\":").append(quote(detail));
        if (!errors.isEmpty()) {
            out.append(",\"errors\":[");
            for (int i = 0; i < errors.size(); i++) {
                out.append(i == 0 ? "" : ",").append("{\"field\":").append(quote(errors.get(i).field()))
                    .append(",\"problem\":").append(quote(errors.get(i).problem())).append('}');
            }
            out.append(']');
        }
        return out.append('}').toString();
    }

    private static String quote(String text) {
        var out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) || (c >= 0x2028 && c <= 0x202e)
                        || (c >= 0x2066 && c <= 0x2069)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
