package org.safecity.partners.internal.certificates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.safecity.identity.AuditTrail;
import org.safecity.partners.internal.Access;
import org.safecity.partners.internal.premises.PremisesStore;
import org.safecity.shared.NotFound;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A compliant premises' certificate (PDF with a signed QR code) and the public check of one. */
@RestController
@Tag(name = "Certificates", description = "Compliance certificates of commercial premises and their public verification")
class CertificateController {

    /** The premises' manager for its own, and the compliance staff. */
    static final String DOWNLOAD = "hasAnyRole('ADMIN','COMPLIANCE_OFFICER','PARTNER')";

    private final PremisesStore premises;
    private final Certificates certificates;
    private final AuditTrail audit;

    CertificateController(PremisesStore premises, Certificates certificates, AuditTrail audit) {
        this.premises = premises;
        this.certificates = certificates;
        this.audit = audit;
    }

    @GetMapping(path = "/api/v1/premises/{id}/certificate", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(DOWNLOAD)
    @Operation(summary = "The certificate of compliance of a compliant premises (PDF, English and Urdu, with a signed QR code)")
    @ApiResponse(responseCode = "200", description = "the certificate", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "the premises is not compliant")
    ResponseEntity<byte[]> certificate(@PathVariable long id) throws IOException {
        var p = Access.reach(premises.find(id).orElseThrow(() -> new NotFound("premises", id)));
        byte[] pdf = certificates.pdf(p);
        audit.record("partners.certificate-issued", "premises", Long.toString(id), null, Map.of("number", Certificates.number(p)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
            .header("Content-Disposition", "inline; filename=\"certificate-" + Certificates.number(p) + ".pdf\"")
            .header("Cache-Control", "no-store").body(pdf);
    }

    @GetMapping("/api/public/premises/certificates/verify")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Whether a certificate's QR signature is genuine and whether the premises is still compliant; "
        + "only {\"valid\":false} otherwise")
    Map<String, Object> verify(@RequestParam(required = false) String c, @RequestParam(required = false) String s) {
        var answer = new LinkedHashMap<String, Object>();
        switch (certificates.check(c, s)) {
            case Certificates.Check.Forged forged -> answer.put("valid", false);
            case Certificates.Check.Genuine g -> {
                answer.put("valid", true);
                answer.put("number", g.number());
                answer.put("premisesName", g.premisesName());
                answer.put("category", g.category());
                answer.put("cityCode", g.cityCode());
                answer.put("compliantSince", g.compliantSince());
                answer.put("holds", g.holds());
                answer.put("statusNow", g.statusNow());
            }
        }
        return answer;
    }
}
