package org.safecity.traffic.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safecity.registry.CameraDirectory;
import org.safecity.shared.TimeConfiguration;
import org.safecity.traffic.internal.challans.Challan;
import org.safecity.traffic.internal.challans.ChallanStore;
import org.safecity.traffic.internal.challans.FineSchedule;
import org.safecity.traffic.internal.violations.Violation;
import org.safecity.traffic.internal.violations.ViolationStore;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON shapes of the traffic contract (see docs/architecture.md), made from the stored records. */
@Component
public class TrafficViews {

    private final ViolationStore violations;
    private final ChallanStore challans;
    private final FineSchedule fines;
    private final CameraDirectory cameras;
    private final TrafficSettings settings;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    TrafficViews(ViolationStore violations, ChallanStore challans, FineSchedule fines, CameraDirectory cameras, TrafficSettings settings,
                 Clock clock) {
        this.violations = violations;
        this.challans = challans;
        this.fines = fines;
        this.cameras = cameras;
        this.settings = settings;
        this.clock = clock;
    }

    record ImageLink(String name, String url) {
    }

    record Step(Instant at, String what, String by, String note) {
    }

    public record ViolationView(long id, String offence, String offenceName, String plate, String plateAsRead, Double confidence, long cameraId,
                         String cameraCode, String siteName, String cityCode, Instant observedAt, String status, int approvals,
                         int approvalsRequired, List<String> approvedBy, JsonNode measurement, List<ImageLink> images,
                         String rejectReason, String challanNumber, List<Step> history) {
    }

    public record ChallanView(String number, String plate, String offence, String offenceName, long finePkr, long surchargePkr, long amountDuePkr,
                       String status, String paymentReference, LocalDate dueDate, Instant issuedAt, Instant observedAt, long cameraId,
                       String siteName, String cityCode, String ownerName) {
    }

    public record ChallanDetail(String number, String plate, String offence, String offenceName, long finePkr, long surchargePkr,
                         long amountDuePkr, String status, String paymentReference, LocalDate dueDate, Instant issuedAt,
                         Instant observedAt, long cameraId, String siteName, String cityCode, String ownerName, String vehicleClass,
                         long violationId, @JsonInclude(JsonInclude.Include.ALWAYS) ContestView contest,
                         List<ChallanStore.Payment> payments, List<Step> history) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS) // an open contest shows its empty decision fields, as the contract lists them
    public record ContestView(long id, String challanNumber, String plate, String offenceName, String statement, Instant submittedAt,
                       String status, Instant decidedAt, String decidedBy, String reason, Long violationId) {
    }

    public ViolationView violation(Violation v, boolean withHistory) {
        String cameraCode = v.placement().cameraName() != null ? v.placement().cameraName() : cameras.find(v.placement().cameraId()).map(c -> c.name()).orElse(null);
        var images = violations.imageNames(v.id()).stream()
            .map(name -> new ImageLink(name, "/api/v1/violations/" + v.id() + "/images/" + name)).toList();
        var history = withHistory
            ? violations.steps(v.id()).stream().map(s -> new Step(s.at(), s.what(), s.by(), s.note())).toList() : null;
        return new ViolationView(v.id(), v.offence(), fines.offenceName(v.offence()), v.vehicle().plate(), v.vehicle().plateAsRead(), v.vehicle().confidence(),
            v.placement().cameraId(), cameraCode, v.placement().siteName(), v.placement().cityCode(), v.observedAt(), v.status().name(), v.approvedBy().size(),
            v.approvalsRequired(), v.approvedBy(), json.readTree(v.measurement()), images, v.rejectReason(), v.challanNumber(), history);
    }

    public ChallanView challan(Challan c) {
        LocalDate today = today();
        return new ChallanView(c.number(), c.plate(), c.offence(), c.offenceName(), c.finePkr(), c.surchargeOn(today, settings),
            c.amountDueOn(today, settings), c.status().name(), c.paymentReference(), c.dueDate(), c.issuedAt(), c.observedAt(),
            c.place().cameraId(), c.place().siteName(), c.place().cityCode(), c.owner().name());
    }

    public ChallanDetail detail(Challan c) {
        LocalDate today = today();
        var contest = challans.latestContest(c.number()).map(k -> contest(k, c.plate(), c.offenceName(), c.violationId())).orElse(null);
        var history = challans.steps(c.number()).stream().map(s -> new Step(s.at(), s.what(), s.by(), s.note())).toList();
        return new ChallanDetail(c.number(), c.plate(), c.offence(), c.offenceName(), c.finePkr(), c.surchargeOn(today, settings),
            c.amountDueOn(today, settings), c.status().name(), c.paymentReference(), c.dueDate(), c.issuedAt(), c.observedAt(),
            c.place().cameraId(), c.place().siteName(), c.place().cityCode(), c.owner().name(), c.vehicleClass(), c.violationId(), contest,
            challans.payments(c.number()), history);
    }

    public static ContestView contest(ChallanStore.Contest k, String plate, String offenceName, Long violationId) {
        return new ContestView(k.id(), k.challanNumber(), plate, offenceName, k.statement(), k.submittedAt(), k.status(), k.decidedAt(),
            k.decidedBy(), k.reason(), violationId);
    }

    public LocalDate today() {
        return clock.instant().atZone(TimeConfiguration.DISPLAY_ZONE).toLocalDate();
    }
}
