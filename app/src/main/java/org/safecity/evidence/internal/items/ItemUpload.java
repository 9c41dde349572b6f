package org.safecity.evidence.internal.items;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.safecity.evidence.EvidenceKind;
import org.safecity.evidence.IntakeDetails;
import org.safecity.evidence.ReceivedItem;
import org.safecity.evidence.internal.ContentStore;
import org.safecity.evidence.internal.EvidenceSettings;
import org.safecity.identity.CurrentActor;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.TextPolicy;
import org.safecity.shared.TimeConfiguration;
import org.springframework.stereotype.Component;

/**
 * Reads an upload ({@code multipart/form-data}: the content in part {@code file}, metadata in the
 * other parts, in any order) straight from the request as a stream: the content goes to the
 * evidence store while it arrives, so neither memory nor a temporary copy holds the whole file.
 */
@Component
public class ItemUpload {

    private static final int MAX_FIELD = 10_000;
    private final ContentStore store;
    private final ReceivingEvidence receiving;
    private final EvidenceSettings settings;
    private final Clock clock;

    ItemUpload(ContentStore store, ReceivingEvidence receiving, EvidenceSettings settings, Clock clock) {
        this.store = store;
        this.receiving = receiving;
        this.settings = settings;
        this.clock = clock;
    }

    public ReceivedItem receive(UUID caseId, HttpServletRequest request) throws IOException {
        if (!JakartaServletFileUpload.isMultipartContent(request)) {
            throw new InvalidInput("file", "send the item as multipart/form-data, its content in a part named 'file'");
        }
        var upload = new JakartaServletFileUpload<>();
        upload.setFileSizeMax(settings.maxUploadSize().toBytes());
        upload.setSizeMax(settings.maxUploadSize().toBytes() + 1024 * 1024);
        Map<String, String> fields = new HashMap<>();
        ContentStore.Stored stored = null;
        String originalName = null;
        try {
            var parts = upload.getItemIterator(request);
            while (parts.hasNext()) {
                var part = parts.next();
                try (InputStream in = part.getInputStream()) {
                    if ("file".equals(part.getFieldName()) && !part.isFormField()) {
                        if (stored != null) {
                            throw new InvalidInput("file", "send one file per upload");
                        }
                        stored = store.store(in);
                        originalName = part.getName();
                    } else if (part.isFormField()) {
                        byte[] value = in.readNBytes(MAX_FIELD + 1);
                        if (value.length > MAX_FIELD) {
                            throw new InvalidInput(part.getFieldName(), "must be at most " + MAX_FIELD + " bytes");
                        }
                        fields.put(part.getFieldName(), new String(value, StandardCharsets.UTF_8));
                    } else {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                }
            }
            if (stored == null) {
                throw new InvalidInput("file", "is required: the item's content in a part named 'file'");
            }
            if (stored.size() == 0) {
                throw new InvalidInput("file", "is empty");
            }
            var details = details(caseId, fields, originalName);
            var received = receiving.register(stored, details);
            stored = null;
            return received;
        } catch (FileUploadSizeException e) {
            throw new InvalidInput("file", "is larger than the upload limit of " + settings.maxUploadSize());
        } catch (FileUploadException e) {
            throw new InvalidInput("file", "the upload could not be read: " + e.getMessage());
        } finally {
            if (stored != null) {
                receiving.discard(stored); // refused: a rejected request leaves nothing behind
            }
        }
    }

    private IntakeDetails details(UUID caseId, Map<String, String> fields, String originalName) {
        // multipart fields do not pass through the JSON reader: the same text rules, applied here
        fields.forEach((field, value) -> TextPolicy.require(field, value, TextPolicy.kindOf(field)));
        TextPolicy.require("file name", originalName, TextPolicy.Kind.NAME);
        String kindText = blankToNull(fields.get("kind"));
        EvidenceKind kind = EvidenceKind.parse(kindText);
        if (kindText != null && kind == null) {
            throw new InvalidInput("kind", "must be one of " + java.util.Arrays.toString(EvidenceKind.values()));
        }
        Instant collectedAt = collectedAt(blankToNull(fields.get("collectedAt")));
        String collectedBy = blankToNull(fields.get("collectedBy"));
        String name = originalName == null || originalName.isBlank() ? null : java.nio.file.Path.of(originalName.replace('\\', '/'))
            .getFileName().toString();
        return new IntakeDetails("upload", kind, name, blankToNull(fields.get("description")),
            collectedBy == null ? CurrentActor.name() : collectedBy, collectedAt, blankToNull(fields.get("place")), caseId);
    }

    /** An instant with offset ({@code 2026-11-25T10:15:00Z}), or a local date-time taken as Pakistan time; absent = now. */
    private Instant collectedAt(String text) {
        Instant now = clock.instant();
        if (text == null) {
            return now;
        }
        Instant value;
        try {
            value = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                // the console's time fields hold Pakistan time as 2026-11-25 15:15:00 (ShownTime), without its "PKT"
                value = LocalDateTime.parse(text.strip().replaceFirst("\\s*PKT$", "").replace(' ', 'T'))
                    .atZone(TimeConfiguration.DISPLAY_ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidInput("collectedAt", "must be a date and time such as 2026-11-25 15:15:00 (Pakistan time) or 2026-11-25T10:15:00+05:00");
            }
        }
        if (value.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new InvalidInput("collectedAt", "is in the future");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
