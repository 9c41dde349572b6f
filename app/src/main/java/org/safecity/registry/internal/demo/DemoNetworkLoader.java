package org.safecity.registry.internal.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.safecity.identity.AuditTrail;
import org.safecity.registry.StreamCredentials;
import org.safecity.registry.internal.Rows;
import org.safecity.registry.internal.cameras.CameraDraft;
import org.safecity.registry.internal.cameras.CameraStore;
import org.safecity.registry.internal.cameras.CredentialCipher;
import org.safecity.registry.internal.cameras.Owner;
import org.safecity.registry.internal.places.ZoneStore;
import org.safecity.registry.internal.rollout.Phase;
import org.safecity.registry.internal.rollout.PhaseStore;
import org.safecity.registry.internal.rollout.ReferenceData;
import org.safecity.registry.internal.sites.SiteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores the {@link DemoNetwork} once, on the first start with {@code safecity.demo} on; the
 * database remembers that it did, so restarting adds nothing and removing demo records by hand
 * does not bring them back.
 */
@Component
public class DemoNetworkLoader {

    static final String MARK = "demo-network";
    private static final Logger log = LoggerFactory.getLogger(DemoNetworkLoader.class);

    private final JdbcClient jdbc;
    private final ZoneStore zones;
    private final SiteStore sites;
    private final CameraStore cameras;
    private final PhaseStore phases;
    private final CredentialCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    DemoNetworkLoader(JdbcClient jdbc, ZoneStore zones, SiteStore sites, CameraStore cameras, PhaseStore phases,
                      CredentialCipher cipher, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.zones = zones;
        this.sites = sites;
        this.cameras = cameras;
        this.phases = phases;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** Loads the demo network unless it was loaded before; answers whether it loaded it now. */
    @Transactional
    public boolean loadOnce() {
        Instant now = clock.instant();
        int claimed = jdbc.sql("insert into registry.loaded (what, loaded_at) values (?, ?) on conflict (what) do nothing")
            .params(MARK, Rows.timestamp(now)).update();
        if (claimed == 0) {
            return false;
        }
        long started = System.nanoTime();
        LocalDate start = phases.find(1).map(Phase::startDate).orElse(ReferenceData.FIRST_PHASE_STARTS);
        var plan = DemoNetwork.plan(start == null ? ReferenceData.FIRST_PHASE_STARTS : start, LocalDate.now(clock));
        for (var zone : plan.zones()) {
            if (zones.find("PSH", zone.code()).isEmpty()) {
                zones.insert("PSH", zone.code(), zone.name(), zone.centre().lat(), zone.centre().lon());
            }
        }
        sites.insertAll(plan.sites());
        Map<String, Long> siteIds = new HashMap<>();
        jdbc.sql("select id, name from registry.site where city_code = 'PSH' and phase = 1 and retired_at is null")
            .query((rs, n) -> Map.entry(rs.getString("name"), rs.getLong("id"))).list()
            .forEach(e -> siteIds.put(e.getKey(), e.getValue()));
        var random = new SecureRandom();
        List<CameraDraft> drafts = plan.cameras().stream().map(c -> new CameraDraft(siteIds.get(c.siteName()), c.name(), c.make(),
            c.model(), c.resolution(), c.type(), c.heading(), c.fieldOfView(), c.mainStream(), c.subStream(),
            // demo cameras get a real random password: a stored credential is a secret even in a demo
            new StreamCredentials("safecity-view", HexFormat.of().formatHex(bytes(random))),
            false, Owner.AUTHORITY, null, c.status(), c.installedOn(), null, null)).toList();
        cameras.insertAll(drafts, d -> cipher.encrypt(d.credentials()));
        audit.record("registry.demo-network-loaded", "city", "PSH", "safecity.demo is on",
            Map.of("zones", plan.zones().size(), "sites", plan.sites().size(), "cameras", drafts.size()));
        log.info("Loaded the demo network of Peshawar: {} zones, {} sites, {} cameras in {} ms", plan.zones().size(),
            plan.sites().size(), drafts.size(), (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private static byte[] bytes(SecureRandom random) {
        byte[] b = new byte[12];
        random.nextBytes(b);
        return b;
    }
}
