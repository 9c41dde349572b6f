package org.safecity.console;

import jakarta.servlet.http.HttpServletResponse;
import org.safecity.identity.CurrentActor;
import org.safecity.registry.CameraDirectory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A camera's analytics settings, drawn on its picture, with its analysis status; and the plate reads
 * vision made, to check and correct. The pages' scripts read and change them through the vision API,
 * which applies the rules; a camera outside the person's jurisdiction is "not found".
 */
@Controller
class VisionPages {

    private final CameraDirectory cameras;

    VisionPages(CameraDirectory cameras) {
        this.cameras = cameras;
    }

    @GetMapping("/cameras/{id}/analytics")
    @PreAuthorize("hasAnyRole('OPERATOR','SUPERVISOR','ADMIN')")
    String analytics(@PathVariable long id, Model model, HttpServletResponse response) {
        var camera = cameras.find(id).filter(c -> CurrentActor.jurisdiction().covers(c.cityCode(), c.zoneCode()));
        if (camera.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("status", HttpServletResponse.SC_NOT_FOUND);
            return "error";
        }
        model.addAttribute("camera", camera.get());
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
