package org.safecity.registry.internal.cameras;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import org.safecity.identity.AuditTrail;
import org.safecity.registry.CameraInstallation;
import org.safecity.registry.CameraType;
import org.safecity.registry.PartnerCameraRegister;
import org.safecity.registry.internal.rollout.Phase;
import org.safecity.registry.internal.rollout.PhaseStore;
import org.safecity.registry.internal.sites.SiteDraft;
import org.safecity.registry.internal.sites.SiteKind;
import org.safecity.registry.internal.sites.SiteProgressPolicy;
import org.safecity.registry.internal.sites.SiteStatus;
import org.safecity.registry.internal.sites.SiteStore;
import org.safecity.shared.Conflict;
import org.safecity.shared.GeoPoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link PartnerCameraRegister}: a premises' site is named after its partner id, so it is found again
 * whatever the premises is called later, and sits in the earliest rollout phase covering its city.
 */
@Service
class EnrollingPartnerCameras implements PartnerCameraRegister {

    private final SiteStore sites;
    private final CameraStore cameras;
    private final PhaseStore phases;
    private final CredentialCipher cipher;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    EnrollingPartnerCameras(SiteStore sites, CameraStore cameras, PhaseStore phases, CredentialCipher cipher, AuditTrail audit,
                            JdbcClient jdbc, Clock clock) {
        this.sites = sites;
        this.cameras = cameras;
        this.phases = phases;
        this.cipher = cipher;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Enrolled enrol(Premises premises, NewCamera camera) {
        // one enrolment per premises at a time, so a request sent twice at once makes one camera
        jdbc.sql("select pg_advisory_xact_lock(hashtext('registry.partner-camera'), ?)").param((int) premises.partnerId())
            .query((rs, n) -> 1).list();
        var existing = jdbc.sql("""
                select id from registry.camera where partner_id = ? and main_stream = ? and retired_at is null order by id limit 1""")
            .params(premises.partnerId(), camera.mainStream()).query(Long.class).optional();
        if (existing.isPresent()) {
            return new Enrolled(existing.get(), false);
        }
        LocalDate today = LocalDate.now(clock);
        long siteId = siteOf(premises, today);
        var draft = new CameraDraft(siteId, camera.name(), camera.make(), camera.model(), camera.resolution(), CameraType.FIXED,
            null, null, camera.mainStream(), null, camera.credentials(), false, Owner.PREMISES, premises.partnerId(),
            CameraInstallation.INSTALLED, today, null, null);
        long id = cameras.insert(draft, camera.credentials() == null ? null : cipher.encrypt(camera.credentials()));
        if (!camera.recorded()) {
            jdbc.sql("update registry.camera set recorded = false where id = ?").param(id).update();
        }
        var details = new LinkedHashMap<String, Object>();
        details.put("name", camera.name());
        details.put("siteId", siteId);
        details.put("partnerId", premises.partnerId());
        details.put("resolution", camera.resolution());
        details.put("recorded", camera.recorded());
        audit.record("registry.camera-registered", "camera", Long.toString(id), null, details);
        return new Enrolled(id, true);
    }

    private long siteOf(Premises premises, LocalDate today) {
        String name = "Premises " + premises.partnerId();
        var site = sites.findInService(premises.cityCode(), name);
        if (site.isPresent()) {
            return site.get().site().id();
        }
        var phase = phases.all().stream().filter(p -> p.covers(premises.cityCode())).min(Comparator.comparingInt(Phase::number))
            .orElseThrow(() -> new Conflict("No rollout phase covers city " + premises.cityCode()
                + ": the Authority adds the city to a phase before its premises' cameras can join."));
        return sites.insert(new SiteDraft(name, SiteKind.PREMISES, new GeoPoint(premises.lat(), premises.lon()), premises.cityCode(),
            premises.zoneCode(), phase.number(), SiteStatus.COMMISSIONED, new SiteProgressPolicy.Dates(today, today, today)));
    }
}
