package org.safecity.evidence.internal;

import java.time.Duration;
import java.util.Map;
import org.safecity.evidence.EvidenceKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Evidence settings ({@code safecity.evidence.*}, e.g. {@code SAFECITY_EVIDENCE_SIGNING_KEY}).
 *
 * @param signingKey the Ed25519 private key that signs checkpoints and exports, PKCS#8 base64; empty = generated once under {@code <data-dir>/keys/}
 * @param disposalInterval how often expired items are looked for
 * @param maxUploadSize the largest item accepted by upload
 * @param retention how long each kind is kept after it was received, unless an administrator set otherwise
 * @param defaultRetention for kinds not named in {@code retention}
 */
@ConfigurationProperties("safecity.evidence")
public record EvidenceSettings(String signingKey,
                        @DefaultValue("PT6H") Duration disposalInterval,
                        @DefaultValue("20GB") DataSize maxUploadSize,
                        Map<EvidenceKind, Duration> retention,
                        @DefaultValue("P3650D") Duration defaultRetention) {

    public EvidenceSettings {
        retention = retention == null ? Map.of() : Map.copyOf(retention);
    }

    /** Kinds kept other than {@code defaultRetention} unless configured: detection images 3 years, challan evidence 5. */
    private static final Map<EvidenceKind, Duration> KEPT_OTHERWISE = Map.of(
        EvidenceKind.DETECTION_IMAGE, Duration.ofDays(1095),
        EvidenceKind.CHALLAN_EVIDENCE, Duration.ofDays(1825));

    public Duration retentionOf(EvidenceKind kind) {
        return retention.getOrDefault(kind, KEPT_OTHERWISE.getOrDefault(kind, defaultRetention));
    }
}
