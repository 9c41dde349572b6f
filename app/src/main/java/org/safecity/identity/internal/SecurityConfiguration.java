package org.safecity.identity.internal;

import java.util.Arrays;
import java.util.List;
import org.safecity.identity.DeviceKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Everything needs authentication except health, the sign-in endpoints, static assets, the API
 * documentation and the public pages later issues add under {@code /public/**}. The API answers
 * 401/403 as problem+json; console pages redirect to the sign-in page. Roles and jurisdictions are
 * checked on each endpoint ({@code @PreAuthorize}) and in each query.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] PUBLIC_PATHS = {
        "/actuator/health", "/actuator/health/**", "/login", "/error", "/favicon.ico",
        "/css/**", "/js/**", "/img/**", "/fonts/**", "/webjars/**",
        "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**",
        "/public/**", "/api/v1/public/**",
        "/api/v1/evidence/public-key",  // courts and defence verify bundles with it; it is a public key
        "/api/public/**", "/portal/**",  // the citizen portal: no account, rate-limited, reveals only what plate + CNIC match
        "/api/v1/payments/callback"  // the bank: authenticated by the HMAC signature of its body, not by an account
    };
    /** Exchanging a password for a token cannot require a token. */
    static final String SIGN_IN = "/api/v1/auth/token";
    private static final List<PathPattern> PUBLIC_PATTERNS = Arrays.stream(PUBLIC_PATHS).map(PathPatternParser.defaultInstance::parse).toList();

    /**
     * Whether a call needs no account: the rules {@link #whoMayCall} enforces, asked about one path.
     * The API description marks exactly these operations public ({@link ApiDocumentation}).
     */
    static boolean isPublic(HttpMethod method, String path) {
        var container = PathContainer.parsePath(path);
        return (HttpMethod.POST.equals(method) && SIGN_IN.equals(path)) || PUBLIC_PATTERNS.stream().anyMatch(p -> p.matches(container));
    }

    /** Only console pages are remembered for after sign-in; an API call must not create a session. */
    private static org.springframework.security.web.savedrequest.RequestCache apiCallsNotSaved(RequestMatcher api) {
        var cache = new org.springframework.security.web.savedrequest.HttpSessionRequestCache();
        cache.setRequestMatcher(new org.springframework.security.web.util.matcher.NegatedRequestMatcher(api));
        return cache;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    /**
     * No observation per security filter: for every request it cost about a tenth of a busy detection
     * intake's CPU, and nothing reads it (requests are still observed as a whole).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Calls that present a bearer credential (a person's access token or a device key) are stateless:
     * the credential comes with every call, so no session is created or read, there is no ambient
     * credential for CSRF to protect, and nothing is saved for after a sign-in. (Saving the context
     * would give every device batch a session of its own.)
     */
    @Bean
    @Order(1)
    SecurityFilterChain bearerCalls(HttpSecurity http, AccessTokens tokens, DeviceKeys deviceKeys) throws Exception {
        var unauthenticated = ProblemSecurityResponses.unauthenticated();
        http
            .securityMatcher(request -> BearerAuthentication.bearer(request).isPresent())
            .addFilterBefore(new BearerAuthentication(tokens, deviceKeys, unauthenticated), UsernamePasswordAuthenticationFilter.class)
            .authorizeHttpRequests(SecurityConfiguration::whoMayCall)
            .csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.disable())
            .logout(logout -> logout.disable())
            .httpBasic(basic -> basic.disable())
            .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated)
                .accessDeniedHandler(ProblemSecurityResponses.forbidden()))
            .headers(SecurityConfiguration::pageHeaders);
        return http.build();
    }

    /** Everything else: console sessions (form sign-in, CSRF), public pages and the sign-in endpoints. */
    @Bean
    @Order(2)
    SecurityFilterChain sessionCalls(HttpSecurity http, PasswordSignIn passwordSignIn, AccountStore accounts) throws Exception {
        var path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher api = path.matcher("/api/**");
        // CSRF protects cookie sessions; an API call without a session cookie carries no ambient credential to forge.
        RequestMatcher sessionlessApiCall = request -> api.matches(request) && request.getRequestedSessionId() == null;
        var unauthenticated = ProblemSecurityResponses.unauthenticated();

        http
            .authenticationProvider(passwordSignIn)
            .addFilterAfter(new SessionStillValid(accounts), org.springframework.security.web.context.SecurityContextHolderFilter.class)
            .authorizeHttpRequests(SecurityConfiguration::whoMayCall)
            // The citizen portal's API acts on no account (plate + CNIC are its credential), so a forged request gains nothing.
            .csrf(csrf -> csrf.ignoringRequestMatchers(sessionlessApiCall, path.matcher(HttpMethod.POST, SIGN_IN),
                path.matcher("/api/public/**")))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
            .requestCache(cache -> cache.requestCache(apiCallsNotSaved(api)))
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                .failureHandler((request, response, e) -> response.sendRedirect(
                    e instanceof PasswordSignIn.TooManyAttempts locked
                        ? "/login?locked=" + Math.max(1, locked.retryAfter().toSeconds())
                        : "/login?error")))
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
            .httpBasic(basic -> basic.disable())
            .exceptionHandling(errors -> errors
                .defaultAuthenticationEntryPointFor(unauthenticated, api)
                // a console page asked for without a session goes to the sign-in page, whatever the Accept header says
                .defaultAuthenticationEntryPointFor(new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint("/login"),
                    new org.springframework.security.web.util.matcher.NegatedRequestMatcher(api))
                .defaultAccessDeniedHandlerFor(ProblemSecurityResponses.forbidden(), api)
                // console pages answer a refusal with the error page a person can read
                .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
            .headers(SecurityConfiguration::pageHeaders);
        return http.build();
    }

    private static void whoMayCall(
        AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests
            .requestMatchers(PUBLIC_PATHS).permitAll()
            .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SIGN_IN)).permitAll()
            // the metrics tell the load and layout of the whole platform: for the Authority's administrators (and their scraper)
            .requestMatchers("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**").hasRole("ADMIN")
            .anyRequest().authenticated();
    }

    private static void pageHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; img-src 'self' data: blob: https: http:; style-src 'self' 'unsafe-inline'; "
                    + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
                    // hls.js feeds <video> through MediaSource (blob: URLs) and demuxes in a blob: worker
                    + "media-src 'self' blob:; worker-src 'self' blob:"))
            .frameOptions(frame -> frame.deny())
            // a link followed out of SafeCity tells the other site at most where SafeCity is, never which case or plate
            .referrerPolicy(referrer -> referrer.policy(
                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
        // HSTS stays Spring Security's default: sent on every secure request, which behind a trusted proxy
        // includes those it received over HTTPS (TrustedProxies)
    }
}
