package org.safecity.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; the form posts to Spring Security's {@code /login}. */
@Controller
class SignInPage {

    @GetMapping("/login")
    @PreAuthorize("permitAll()")
    String signIn() {
        return "login";
    }
}
