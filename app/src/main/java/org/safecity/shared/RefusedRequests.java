package org.safecity.shared;

import java.io.IOException;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests refused before SafeCity's own code runs still get a problem+json, never a container's
 * HTML page: Spring Security's firewall (an encoded slash or a {@code ;} in the path, say) and Tomcat
 * itself (a URL it cannot decode, such as one holding {@code %00}; a malformed request line).
 */
@Configuration(proxyBeanMethods = false)
public class RefusedRequests {

    private static final Logger log = LoggerFactory.getLogger(RefusedRequests.class);

    @Bean
    RequestRejectedHandler firewallRefusalAsProblem() {
        return (request, response, rejected) -> {
            log.debug("Request refused by the firewall: {}", rejected.getMessage());
            RawProblem.write(response, 400, "Invalid input", "The request's address is not acceptable: it holds characters or "
                + "sequences SafeCity does not take in a path (an encoded slash or NUL, a ';', '//', '..', or a control character).",
                List.of(new InvalidInput.FieldError("path", "holds characters or sequences SafeCity does not take")));
        };
    }

    /** Tomcat's own error pages (for what never reaches the application) become problem+json. */
    @Bean
    TomcatContextCustomizer containerErrorsAsProblems() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        };
    }

    /** Tomcat's error report, written as problem+json without any server detail. */
    public static class ProblemReportValve extends ErrorReportValve {

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String detail = status == 400
                ? "The request could not be read: its address or headers are malformed (e.g. an encoded slash or NUL in the path)."
                : status >= 500 ? "Something went wrong on the server; nothing was changed." : "The request was refused.";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                var writer = response.getReporter();
                if (writer != null) {
                    writer.write(RawProblem.json(status, status == 400 ? "Invalid input" : status >= 500 ? "Server error" : "Refused",
                        detail, List.of()));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                log.debug("Could not write the container's error as a problem: {}", e.getMessage());
            }
        }
    }
}
