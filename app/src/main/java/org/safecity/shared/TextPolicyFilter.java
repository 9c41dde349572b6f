package org.safecity.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request parameters (query string and form fields) and the path's segments pass {@link TextPolicy}
 * before anything else reads them, sign-in included: a refused value is answered 400 problem+json
 * naming the parameter. Multipart bodies are not read here (evidence uploads are streamed by their
 * controller, which checks its own fields); only their query string is.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class TextPolicyFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        var errors = new ArrayList<InvalidInput.FieldError>();
        checkPath(request.getRequestURI(), errors);
        checkQuery(request.getQueryString(), errors);
        if (errors.isEmpty() && isForm(request)) {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                for (String value : parameter.getValue()) {
                    check(parameter.getKey(), value, errors);
                }
            }
        }
        if (!errors.isEmpty()) {
            RawProblem.write(response, 400, "Invalid input", new InvalidInput(errors).getMessage(), errors);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The path as sent, segment by segment: ids and names in a path are one line of ordinary text. */
    private static void checkPath(String uri, List<InvalidInput.FieldError> errors) {
        if (uri == null) {
            return;
        }
        for (String segment : uri.split("/")) {
            String decoded = decode(segment);
            if (decoded == null) {
                errors.add(new InvalidInput.FieldError("path", "is not properly percent-encoded"));
                return;
            }
            var refused = TextPolicy.refusal(decoded, TextPolicy.Kind.NAME);
            if (refused.isPresent()) {
                errors.add(new InvalidInput.FieldError("path", refused.get()));
                return;
            }
        }
    }

    private static void checkQuery(String query, List<InvalidInput.FieldError> errors) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name == null || value == null) {
                errors.add(new InvalidInput.FieldError("query", "is not properly percent-encoded"));
                return;
            }
            check(name, value, errors);
        }
    }

    private static void check(String name, String value, List<InvalidInput.FieldError> errors) {
        var refusedName = TextPolicy.refusal(name, TextPolicy.Kind.IDENTIFIER);
        if (refusedName.isPresent()) {
            errors.add(new InvalidInput.FieldError("parameter name", refusedName.get()));
            return;
        }
        TextPolicy.refusal(value, TextPolicy.kindOf(name)).ifPresent(reason -> errors.add(new InvalidInput.FieldError(name, reason)));
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    /** The text a percent-encoded part stands for, or null when it is not valid percent-encoding. */
    private static String decode(String part) {
        if (part.indexOf('%') < 0 && part.indexOf('+') < 0) {
            return part;
        }
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
