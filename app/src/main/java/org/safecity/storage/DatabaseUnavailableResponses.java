package org.safecity.storage;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached, every request that needs it is answered at once with 503
 * problem+json and {@code Retry-After}, never a bare 500: devices resend later, people see why.
 * Controllers' failures are answered here before the general problem handler; failures inside the
 * filter chain (signing in with a token needs the database too) by the filter below.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableResponses {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableResponses.class);
    private final StorageSettings settings;

    DatabaseUnavailableResponses(StorageSettings settings) {
        this.settings = settings;
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
        SQLTransientConnectionException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e, HttpServletRequest request) {
        log.warn("The database cannot be reached; {} {} answered 503: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(settings)))
            .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem());
    }

    static ProblemDetail problem() {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
            "The database cannot be reached just now; nothing was changed. Retry shortly: SafeCity reconnects by itself.");
        problem.setTitle("Database unavailable");
        return problem;
    }

    static long retryAfterSeconds(StorageSettings settings) {
        return Math.max(1, settings.db().retryAfter().toSeconds());
    }

    /** Whether a failure is the database being out of reach (not a bad query, not a conflict). */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                || t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true; // SQL state class 08: connection exception
            }
        }
        return false;
    }

    @Bean
    static FilterRegistrationBean<OncePerRequestFilter> databaseUnavailableFilter(StorageSettings settings) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (ServletException | RuntimeException e) {
                    if (!unreachable(e) || response.isCommitted()) {
                        throw e;
                    }
                    log.warn("The database cannot be reached; {} {} answered 503: {}", request.getMethod(), request.getRequestURI(),
                        e.getMessage());
                    response.resetBuffer();
                    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(settings)));
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    var problem = problem();
                    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + problem.getTitle() + "\",\"status\":503,"
                        + "\"detail\":\"" + problem.getDetail() + "\"}");
                }
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("databaseUnavailable");
        return registration;
    }
}
