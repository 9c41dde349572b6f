package org.safecity.vision.internal.faces;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import org.safecity.identity.AuditTrail;
import org.safecity.shared.InvalidInput;
import org.safecity.vision.internal.FaceFinder;
import org.safecity.vision.internal.FaceFinder.FoundFace;
import org.safecity.vision.internal.Stills;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A person asks which faces a still holds, with their embeddings to search a face watchlist with.
 * Faces are personal data: the request states its purpose, and the audit trail records who asked,
 * why, which picture (its SHA-256) and how many faces it held. Nothing else is stored; the picture
 * is forgotten when the answer is sent.
 */
@Component
class FindingFaces {

    private final FaceFinder faces;
    private final AuditTrail audit;

    FindingFaces(@Lazy FaceFinder faces, AuditTrail audit) {
        this.faces = faces;
        this.audit = audit;
    }

    List<FoundFace> find(InputStream image, long size, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new InvalidInput("purpose", "is required: the case number or why you look for faces in this picture");
        }
        if (purpose.length() > 500) {
            throw new InvalidInput("purpose", "must be at most 500 characters");
        }
        var still = Stills.read("image", image, size);
        var found = faces.find(still.image());
        var details = new LinkedHashMap<String, Object>();
        details.put("mediaType", still.mediaType());
        details.put("width", still.image().getWidth());
        details.put("height", still.image().getHeight());
        details.put("faces", found.size());
        audit.record("vision.faces-found", "still", sha256(still.bytes()), purpose.strip(), details);
        return found;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
