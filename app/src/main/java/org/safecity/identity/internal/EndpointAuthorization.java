package org.safecity.identity.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.safecity.identity.OutsideJurisdiction;
import org.safecity.identity.Reach;
import org.safecity.identity.Writes;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks an endpoint's {@code @PreAuthorize} as soon as the endpoint is known, before its request
 * body is read or validated, so a caller without the role learns nothing from validation errors
 * and always gets 403. Method security still checks again when the method runs. Then the
 * endpoint's {@link Writes} scope: a write that declares none is refused, and a province-wide
 * setting is refused to anyone whose jurisdiction is smaller, again before the body is read.
 */
@Configuration(proxyBeanMethods = false)
class EndpointAuthorization implements HandlerInterceptor, WebMvcConfigurer {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            var invocation = new SimpleMethodInvocation(method.getBean(), method.getMethod());
            AuthorizationResult result = preAuthorize.authorize(SecurityContextHolder.getContext()::getAuthentication, invocation);
            if (result != null && !result.isGranted()) {
                throw new AccessDeniedException("Access denied");
            }
            checkWriteScope(request, method);
        }
        return true;
    }

    private static void checkWriteScope(HttpServletRequest request, HandlerMethod method) {
        // only SafeCity's own endpoints declare a scope; an error page rendered for a failed write is not a write
        if (!WRITES.contains(request.getMethod()) || request.getDispatcherType() != DispatcherType.REQUEST
            || !method.getBeanType().getPackageName().startsWith("org.safecity.")) {
            return;
        }
        Writes writes = method.getMethodAnnotation(Writes.class);
        if (writes == null) {
            throw new OutsideJurisdiction("This endpoint does not declare which jurisdiction its change reaches, "
                + "so it is refused. Report this to the Authority's administrators.");
        }
        if (writes.value() == Writes.Scope.PROVINCE) {
            Reach.province("This setting");
        }
    }
}
