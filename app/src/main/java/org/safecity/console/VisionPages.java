package org.safecity.console;

import org.safecity.identity.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A camera's analytics settings, drawn on its picture, with its analysis status; and the plate reads
 * vision made, to check and correct. The pages' scripts read and change them through the vision API,
 * which applies the rules; the camera itself comes from the registry's API, so a camera outside the
 * person's jurisdiction is "not found" there, as everywhere.
 */
@Controller
class VisionPages {

    @GetMapping("/cameras/{id}/analytics")
    @PreAuthorize("hasAnyRole('OPERATOR','SUPERVISOR','ADMIN')")
    String analytics(@PathVariable long id, Model model) {
        model.addAttribute("cameraId", id);
        model.addAttribute("mayChange", CurrentActor.get().has(org.safecity.identity.Role.SUPERVISOR)
            || CurrentActor.get().has(org.safecity.identity.Role.ADMIN));
        return "camera-analytics";
    }

    @GetMapping("/vision/reads")
    @PreAuthorize("hasAnyRole('OPERATOR','SUPERVISOR','INVESTIGATOR','TRAFFIC_REVIEWER','ADMIN')")
    String reads(@RequestParam(required = false) Long camera, @RequestParam(required = false) String city, Model model) {
        model.addAttribute("cameraId", camera);
        model.addAttribute("city", city);
        model.addAttribute("investigator", CurrentActor.get().has(org.safecity.identity.Role.INVESTIGATOR));
        return "plate-reads";
    }
}
