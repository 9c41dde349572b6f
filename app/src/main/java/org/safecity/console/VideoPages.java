package org.safecity.console;

import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The video wall and the playback of one camera. The browser plays the video module's HLS
 * streams and asks its API which cameras the person may watch, so these pages hold no rules.
 */
@Controller
class VideoPages {

    @GetMapping("/video")
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR','DISPATCHER','SUPERVISOR','INVESTIGATOR')")
    String wall() {
        return "video";
    }

    /** Opened from an alert, a sighting or an incident: that camera, around that moment. */
    @GetMapping("/video/playback")
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR','DISPATCHER','SUPERVISOR','INVESTIGATOR')")
    String playback(@RequestParam(required = false) Long camera, @RequestParam(required = false) Instant at, Model model) {
        model.addAttribute("cameraId", camera);
        model.addAttribute("at", at);
        return "video-playback";
    }
}
