package org.safecity.cluster.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.safecity.cluster.InstanceRoles;
import org.safecity.cluster.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An instance without the web role serves only what its other roles need over HTTP: its health and
 * metrics, and, with the intake role, the detection intake. Anything else is answered 503 with a problem
 * that says so, so a load balancer rule sending people to it shows at once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ServingRoles extends OncePerRequestFilter {

    private final InstanceRoles roles;

    ServingRoles(InstanceRoles roles) {
        this.roles = roles;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (roles.has(Role.WEB)) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/actuator/") || path.equals("/actuator")
            || roles.has(Role.INTAKE) && (path.equals("/api/v1/detections") || path.startsWith("/api/v1/detections/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":"
            + "\"This SafeCity instance (" + json(roles.instance()) + ") serves neither the console nor the API: its roles are "
            + roles.words() + ". Reach SafeCity through an instance with the web role.\"}");
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ");
    }
}
