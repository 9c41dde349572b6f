package org.safecity.partners.internal;

import java.sql.Timestamp;
import java.time.Clock;
import org.safecity.shared.DemoSettings;
import org.safecity.identity.Places;
import org.safecity.partners.internal.compliance.EvaluatingCompliance;
import org.safecity.partners.internal.compliance.Requirements;
import org.safecity.partners.internal.premises.DemoPremises;
import org.safecity.partners.internal.premises.PremisesDraft;
import org.safecity.partners.internal.premises.PremisesStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On start: the shipped category requirements, then (with {@code safecity.demo} on, after the
 * registry's demo network so its police stations exist) the demo premises, once: the database
 * remembers that it loaded them, so removing them by hand does not bring them back.
 */
@Component
@Order(20)
class PartnersStartup implements ApplicationRunner {

    static final String MARK = "demo-premises";
    private static final Logger log = LoggerFactory.getLogger(PartnersStartup.class);

    private final Requirements requirements;
    private final PremisesStore premises;
    private final EvaluatingCompliance evaluating;
    private final Places places;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean demo;

    PartnersStartup(Requirements requirements, PremisesStore premises, EvaluatingCompliance evaluating, Places places, JdbcClient jdbc,
                    PlatformTransactionManager transactions, Clock clock, DemoSettings demo) {
        this.requirements = requirements;
        this.premises = premises;
        this.evaluating = evaluating;
        this.places = places;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.demo = demo.demo();
    }

    @Override
    public void run(ApplicationArguments args) {
        requirements.loadShipped();
        if (!demo) {
            return;
        }
        Integer loaded = transactions.execute(status -> {
            int claimed = jdbc.sql("insert into partners.loaded (what, loaded_at) values (?, ?) on conflict (what) do nothing")
                .params(MARK, Timestamp.from(clock.instant())).update();
            if (claimed == 0) {
                return 0;
            }
            int n = 0;
            for (var draft : DemoPremises.plan()) {
                // a police station the registry does not know (demo off there, or renamed) is left blank rather than refused
                var placed = draft.zoneCode() == null || places.isZone(draft.cityCode(), draft.zoneCode()) ? draft
                    : new PremisesDraft(draft.name(), draft.category(), draft.owner(), draft.address(), draft.cityCode(), null,
                        draft.location(), draft.licenceNumber(), draft.contact(), draft.actAppliesFrom(), draft.registration());
                n += premises.insert(placed).isPresent() ? 1 : 0;
            }
            return n;
        });
        if (loaded != null && loaded > 0) {
            evaluating.evaluateAll();
            log.info("Loaded {} demo premises (synthetic) in Peshawar", loaded);
        }
    }
}
