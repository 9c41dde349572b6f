package org.safecity.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The citizen portal: public pages, no account, outside the console's frame. A citizen finds
 * their challans by plate and CNIC, and anyone holding a notice checks that it is genuine. The
 * pages' scripts call the public traffic API, which is rate-limited and reveals nothing about
 * anyone else. Every page is in English or in Urdu ({@link PortalLanguage}), right to left in Urdu.
 */
@Controller
class CitizenPortal {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REMEMBERED = Duration.ofDays(365);

    @GetMapping("/portal/challans")
    @PreAuthorize("permitAll()")
    String challans(@RequestParam(name = "lang", required = false) String lang, HttpServletRequest request, HttpServletResponse response,
                    Model model) {
        return page("portal/challans", lang, request, response, model);
    }

    /** The page a notice's QR code opens; the number and signature stay in the query for the script. */
    @GetMapping("/portal/verify")
    @PreAuthorize("permitAll()")
    String verify(@RequestParam(name = "lang", required = false) String lang, HttpServletRequest request, HttpServletResponse response,
                  Model model) {
        return page("portal/verify", lang, request, response, model);
    }

    private static String page(String view, String lang, HttpServletRequest request, HttpServletResponse response, Model model) {
        String remembered = request.getCookies() == null ? null : Arrays.stream(request.getCookies())
            .filter(c -> PortalLanguage.COOKIE.equals(c.getName())).map(Cookie::getValue).findFirst().orElse(null);
        var language = PortalLanguage.of(lang, remembered, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        if (PortalLanguage.ofTag(lang).isPresent()) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(PortalLanguage.COOKIE, language.tag())
                .path("/portal").maxAge(REMEMBERED).sameSite("Lax").httpOnly(true).build().toString());
        }
        // the same address answers in either language
        response.addHeader(HttpHeaders.VARY, "Accept-Language, Cookie");
        model.addAttribute("switchTo", switchTo(request, language.other()));
        model.addAttribute("lang", language.tag());
        model.addAttribute("dir", language.direction());
        model.addAttribute("other", language.other().tag());
        model.addAttribute("t", language.texts());
        // read by the scripts from a JSON data block; "<" escaped so no text can close the block
        model.addAttribute("scriptTexts", JSON.writeValueAsString(language.scriptTexts()).replace("<", "\\u003c"));
        return view;
    }

    /** This page in the other language, its query kept (the verify page's number and signature). */
    private static String switchTo(HttpServletRequest request, PortalLanguage other) {
        String query = request.getQueryString();
        try {
            return UriComponentsBuilder.fromUriString(request.getRequestURI() + (query == null ? "" : "?" + query))
                .replaceQueryParam("lang", other.tag()).build().toUriString();
        } catch (IllegalArgumentException unreadable) {
            return request.getRequestURI() + "?lang=" + other.tag();
        }
    }

    /** A commercial premises applies to register its surveillance under the Act; the page's script calls the public partners API. */
    @GetMapping("/portal/premises/apply")
    @PreAuthorize("permitAll()")
    String applyForPremises(@RequestParam(name = "lang", required = false) String lang, HttpServletRequest request,
                            HttpServletResponse response, Model model) {
        return page("portal/premises-apply", lang, request, response, model);
    }

    /** The page a compliance certificate's QR code opens; the number and signature stay in the query for the script. */
    @GetMapping("/portal/premises/verify")
    @PreAuthorize("permitAll()")
    String verifyCertificate(@RequestParam(name = "lang", required = false) String lang, HttpServletRequest request,
                             HttpServletResponse response, Model model) {
        return page("portal/premises-verify", lang, request, response, model);
    }
}
