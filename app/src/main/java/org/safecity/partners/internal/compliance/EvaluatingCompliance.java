package org.safecity.partners.internal.compliance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.safecity.registry.CameraDirectory;
import org.safecity.registry.CameraPresence;
import org.safecity.registry.CameraSummary;
import org.safecity.registry.CameraInstallationChanged;
import org.safecity.registry.CameraPresenceChanged;
import org.safecity.registry.PartnerCameras;
import org.safecity.registry.PartnerCameras.PartnerCamera;
import org.safecity.shared.FollowUp;
import org.safecity.cluster.OncePerCluster;
import org.safecity.partners.internal.cameras.Resolution;
import org.safecity.partners.internal.inspections.InspectionStore;
import org.safecity.partners.internal.notices.IssuingNotices;
import org.safecity.partners.internal.premises.Premises;
import org.safecity.partners.internal.premises.PremisesStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Judges premises by {@link ComplianceRules} from what SafeCity observes of their cameras, and keeps
 * each one's standing and its history: on a schedule for all of them (a camera falls silent without
 * anyone asking), at once when a premises or its cameras change.
 */
@Service
public class EvaluatingCompliance {

    private static final Logger log = LoggerFactory.getLogger(EvaluatingCompliance.class);

    private final PremisesStore premises;
    private final Requirements requirements;
    private final PartnerCameras cameras;
    private final CameraPresence presence;
    private final CameraDirectory directory;
    private final InspectionStore inspections;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ComplianceRules.Settings settings;
    private final IssuingNotices notices;
    private final JsonMapper json = JsonMapper.builder().build();
    private final OncePerCluster oncePerCluster;

    EvaluatingCompliance(PremisesStore premises, Requirements requirements, PartnerCameras cameras, CameraPresence presence,
                         CameraDirectory directory, InspectionStore inspections, PlatformTransactionManager transactions, Clock clock,
                         IssuingNotices notices,
                         @Value("${safecity.partners.uptime-window}") Duration uptimeWindow,
                         @Value("${safecity.partners.silence-allowed}") Duration silenceAllowed, OncePerCluster oncePerCluster) {
        this.oncePerCluster = oncePerCluster;
        this.premises = premises;
        this.requirements = requirements;
        this.cameras = cameras;
        this.presence = presence;
        this.directory = directory;
        this.inspections = inspections;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.settings = new ComplianceRules.Settings(uptimeWindow, silenceAllowed);
        this.notices = notices;
    }

    /** A premises' standing now, with its cameras as judged; reads only. */
    public record Assessment(Compliance compliance, List<ComplianceRules.CameraFacts> cameras, Requirement requirement) {
    }

    public Assessment assess(Premises p) {
        Instant now = clock.instant();
        var own = cameras.of(p.id());
        var facts = facts(own, premises.points(p.id()), now);
        var requirement = Requirement.inForce(requirements.all(), p.category(), today(now));
        return new Assessment(ComplianceRules.assess(p.registration(), p.actAppliesFrom(), p.category(), requirement, facts,
            inspections.latest(p.id()), now, settings), facts, requirement.orElse(null));
    }

    /** Evaluates one premises now and records its standing when it changed. */
    @Transactional
    public void evaluate(long premisesId) {
        var standing = premises.standing(premisesId);
        if (standing.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        var facts = facts(cameras.of(premisesId), premises.points(premisesId), now);
        record(standing.get(), judge(standing.get(), facts, inspections.latest(premisesId), requirements.all(), now), now);
    }

    /** Every premises, in one read of cameras and presence; writes only those whose standing changed. */
    @Scheduled(initialDelayString = "${safecity.partners.evaluation-interval}",
        fixedDelayString = "${safecity.partners.evaluation-interval}")
    public void evaluateAll() {
        if (!oncePerCluster.mine("partners compliance")) {
            return;
        }
        Instant now = clock.instant();
        long started = System.nanoTime();
        var all = requirements.all();
        Map<Long, List<PartnerCamera>> byPremises = cameras.all().stream()
            .collect(Collectors.groupingBy(PartnerCamera::partnerId, LinkedHashMap::new, Collectors.toList()));
        var facts = facts(byPremises.values().stream().flatMap(List::stream).toList(), premises.allPoints(), now).stream()
            .collect(Collectors.toMap(ComplianceRules.CameraFacts::id, f -> f));
        var inspected = inspections.latestOfEach();
        int changed = 0;
        Set<Long> unchanged = new HashSet<>();
        for (var standing : premises.standings()) {
            var own = byPremises.getOrDefault(standing.id(), List.of()).stream().map(c -> facts.get(c.id())).toList();
            var compliance = judge(standing, own, Optional.ofNullable(inspected.get(standing.id())), all, now);
            if (sameStanding(standing, compliance)) {
                unchanged.add(standing.id());
            } else {
                changed++;
                recordIfStillChanged(standing.id(), compliance, now);
            }
        }
        premises.markEvaluated(unchanged, now);
        if (changed > 0) {
            log.info("Compliance of {} premises changed ({} ms)", changed, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** A camera of a premises came online or fell silent: its premises need not wait for the schedule. */
    @FollowUp
    void on(CameraPresenceChanged changed) {
        directory.find(changed.cameraId()).map(CameraSummary::partnerId).ifPresent(this::evaluate);
    }

    /** A camera of a premises was marked faulty or repaired. */
    @FollowUp
    void on(CameraInstallationChanged changed) {
        directory.find(changed.cameraId()).map(CameraSummary::partnerId).ifPresent(this::evaluate);
    }

    /** Another instance may have recorded the change meanwhile: the row is locked and compared again. */
    private void recordIfStillChanged(long premisesId, Compliance compliance, Instant now) {
        transactions.executeWithoutResult(status -> premises.standing(premisesId).ifPresent(standing -> record(standing, compliance, now)));
    }

    private void record(PremisesStore.Standing standing, Compliance compliance, Instant now) {
        if (!sameStanding(standing, compliance)) {
            String reasons = json.writeValueAsString(reasons(compliance));
            premises.changeStanding(standing.id(), standing.status(), compliance.status(), reasons, now);
            notices.standingChanged(standing.id(), compliance.status(), reasons, now);
        }
    }

    private Compliance judge(PremisesStore.Standing standing, List<ComplianceRules.CameraFacts> facts,
                             Optional<ComplianceRules.LastInspection> inspection, List<Requirement> all, Instant now) {
        return ComplianceRules.assess(standing.registration(), standing.actAppliesFrom(), standing.category(),
            Requirement.inForce(all, standing.category(), today(now)), facts, inspection, now, settings);
    }

    /**
     * Whether the standing is the one recorded: the same status and the same reasons about the same
     * cameras and points. A changing figure (an offline share moving from 6.1% to 6.2%) is not a change.
     */
    private boolean sameStanding(PremisesStore.Standing standing, Compliance compliance) {
        if (standing.status() != compliance.status()) {
            return false;
        }
        List<Map<String, Object>> recorded = json.readValue(standing.reasonsJson(), new TypeReference<>() {
        });
        return fingerprint(recorded).equals(fingerprint(json.readValue(json.writeValueAsString(reasons(compliance)),
            new TypeReference<List<Map<String, Object>>>() {
            })));
    }

    private static Set<String> fingerprint(List<Map<String, Object>> reasons) {
        Set<String> keys = new HashSet<>();
        for (var r : reasons) {
            keys.add(r.get("code") + "|" + r.get("cameraId") + "|" + r.get("point"));
        }
        return keys;
    }

    /** The reasons as the API and the history show them. */
    public static List<Map<String, Object>> reasons(Compliance compliance) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (var reason : compliance.reasons()) {
            var map = new LinkedHashMap<String, Object>();
            map.put("code", reason.code());
            map.put("message", reason.message());
            if (reason.cameraId() != null) {
                map.put("cameraId", reason.cameraId());
            }
            if (reason instanceof Compliance.PointNotCovered(String point)) {
                map.put("point", point);
            }
            list.add(map);
        }
        return list;
    }

    private List<ComplianceRules.CameraFacts> facts(List<PartnerCamera> list, Map<Long, Set<String>> points, Instant now) {
        if (list.isEmpty()) {
            return List.of();
        }
        var ids = list.stream().map(PartnerCamera::id).toList();
        Instant windowStart = now.minus(settings.uptimeWindow());
        var observed = presence.now(ids);
        var heard = presence.shareHeard(ids, windowStart, now);
        List<ComplianceRules.CameraFacts> facts = new ArrayList<>(list.size());
        for (PartnerCamera c : list) {
            var seen = observed.get(c.id());
            double share = ComplianceRules.heardShareSinceJoining(heard.getOrDefault(c.id(), 0.0), windowStart, now,
                c.registeredAt().plus(settings.silenceAllowed()));
            facts.add(new ComplianceRules.CameraFacts(c.id(), c.name(), Resolution.parse(c.resolution()).orElse(null),
                points.getOrDefault(c.id(), Set.of()), seen.observed(), seen.lastHeard(), c.registeredAt(), share));
        }
        return facts;
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
