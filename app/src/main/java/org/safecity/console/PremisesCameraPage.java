package org.safecity.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** A premises' manager adds its cameras (an RTSP address or an ONVIF device) and sees each one accepted or refused. */
@Controller
class PremisesCameraPage {

    @GetMapping("/premises/cameras")
    @PreAuthorize("hasAnyRole('PARTNER')")
    String cameras() {
        return "premises-cameras";
    }
}
