package org.safecity.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every HTTP error is an RFC 9457 problem+json a person can act on: which field, what is wrong.
 * Nothing from inside the server (stack traces, SQL) reaches the client.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    public static final URI INVALID = URI.create("https://safecity.invalid/problems/invalid-input");
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e) {
        return respond(invalidProblem(e.getMessage(), e.errors()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        return respond(invalidProblem(e.getMessage(), List.of()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream()
            .map(v -> new InvalidInput.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return respond(invalidProblem(new InvalidInput(errors).getMessage(), errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        var error = new InvalidInput.FieldError(e.getName(), "has a value that is not understood: '" + e.getValue() + "'");
        return respond(invalidProblem(error.field() + " " + error.problem(), List.of(error)));
    }

    /** A body that says it is multipart but cannot be read as such (no boundary, cut short). */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(org.springframework.web.multipart.MultipartException e) {
        return respond(invalidProblem("body is not a readable multipart/form-data upload",
            List.of(new InvalidInput.FieldError("body", "is not a readable multipart/form-data upload"))));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return respond(problem);
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ProblemDetail> conflict(Conflict e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        return respond(problem);
    }

    /** Two requests racing to create the same thing: the database's unique index decides, the loser is told. */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(org.springframework.dao.DuplicateKeyException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
            "A record with the same identifying details already exists; nothing was changed.");
        problem.setTitle("Conflict");
        return respond(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) throws AccessDeniedException {
        throw e; // left to Spring Security, which answers 401 or 403 as a problem (see the security configuration)
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) throws AuthenticationException {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DiskFull.causes(e)) {
            log.error("Disk full on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            var full = ProblemDetail.forStatusAndDetail(HttpStatus.INSUFFICIENT_STORAGE, DiskFull.DETAIL);
            full.setTitle("Disk full");
            return respond(full);
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
            "Something went wrong on the server; nothing was changed. The error is in the server log.");
        problem.setTitle("Server error");
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        var errors = e.getBindingResult().getFieldErrors().stream()
            .map(f -> new InvalidInput.FieldError(f.getField(), f.getDefaultMessage())).toList();
        var global = e.getBindingResult().getGlobalErrors().stream()
            .map(g -> new InvalidInput.FieldError(g.getObjectName(), g.getDefaultMessage())).toList();
        var all = new java.util.ArrayList<>(errors);
        all.addAll(global);
        return cast(respond(invalidProblem(new InvalidInput(all).getMessage(), all)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        var errors = e.getParameterValidationResults().stream()
            .flatMap(r -> r.getResolvableErrors().stream()
                .map(err -> new InvalidInput.FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
            .toList();
        return cast(respond(invalidProblem(new InvalidInput(errors).getMessage(), errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        var invalid = UnreadableBody.explain(e);
        return cast(respond(invalidProblem(invalid.getMessage(), invalid.errors())));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        // Spring's own 4xx (unsupported method, missing parameter, ...) keep their detail, as problem+json.
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response == null) {
            return null;
        }
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
            .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
    }

    public static ProblemDetail invalidProblem(String detail, List<InvalidInput.FieldError> errors) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(INVALID);
        problem.setTitle("Invalid input");
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream()
                .map(err -> Map.of("field", err.field(), "problem", err.problem())).toList());
        }
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
            .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
