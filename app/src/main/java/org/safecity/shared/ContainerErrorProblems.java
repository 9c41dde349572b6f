package org.safecity.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What ends on the servlet container's error page rather than in {@link ProblemResponses} (an
 * exception thrown by a filter, an error sent from outside the controllers) is answered to programs
 * as problem+json too, without detail from inside; browsers still get the console's error page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
@PreAuthorize("permitAll()")
class ContainerErrorProblems extends BasicErrorController {

    ContainerErrorProblems(ErrorAttributes attributes, ObjectProvider<ErrorViewResolver> resolvers) {
        super(attributes, new ErrorProperties(), resolvers.orderedStream().toList());
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        var problem = new LinkedHashMap<String, Object>();
        if (status == HttpStatus.BAD_REQUEST) {
            problem.put("type", ProblemResponses.INVALID.toString());
        }
        problem.put("title", status.is5xxServerError() ? "Server error" : status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", status.is5xxServerError() ? "Something went wrong on the server. The error is in the server log."
            : "The request was refused: " + status.getReasonPhrase().toLowerCase() + ".");
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
