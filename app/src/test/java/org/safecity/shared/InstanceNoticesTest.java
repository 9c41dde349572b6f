package org.safecity.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Two instances sharing one database, each with its own notices (as two SafeCity processes have). */
class InstanceNoticesTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private InstanceNotices telling;
    private InstanceNotices hearing;
    private final List<String> heardByTeller = new CopyOnWriteArrayList<>();
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final AtomicInteger missed = new AtomicInteger();

    @BeforeEach
    void twoInstances() {
        telling = new InstanceNotices(dataSource);
        hearing = new InstanceNotices(dataSource);
        telling.listen("test-notices", listener(heardByTeller, new AtomicInteger()));
        hearing.listen("test-notices", listener(heard, missed));
        telling.start();
        hearing.start();
    }

    @AfterEach
    void stop() {
        telling.stop();
        hearing.stop();
    }

    @Test
    void a_notice_told_in_a_transaction_reaches_the_other_instance_only_if_it_commits_and_not_the_teller() throws Exception {
        transactions.executeWithoutResult(status -> {
            telling.tell("test-notices", "rolled back");
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> {
            telling.tell("test-notices", "first");
            assertThat(heard).as("nothing is delivered before the commit").isEmpty();
        });
        telling.tell("test-notices", "second, with no transaction");

        await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() >= 2);
        Thread.sleep(600); // one more wait of the listening thread, for anything that should not come
        assertThat(heard).containsExactly("first", "second, with no transaction");
        assertThat(heardByTeller).isEmpty();
    }

    @Test
    void a_lost_listening_connection_is_listened_on_again_and_its_listeners_are_told_they_may_have_missed_notices() {
        int missedAtStart = missed.get();
        assertThat(missedAtStart).as("told once listening started").isEqualTo(1);

        int ended = jdbc.sql("select count(pg_terminate_backend(pid)) from pg_stat_activity where query = 'LISTEN safecity_test_notices'")
            .query(Integer.class).single();
        assertThat(ended).isEqualTo(2);

        await().atMost(Duration.ofSeconds(10)).until(() -> missed.get() > missedAtStart);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            telling.tell("test-notices", "after the loss");
            return heard.contains("after the loss");
        });
    }

    @Test
    void a_topic_is_lower_case_words_so_it_is_a_safe_channel_name() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> telling.tell("x; drop table y", "body"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private static InstanceNotices.Listener listener(List<String> heard, AtomicInteger missed) {
        return new InstanceNotices.Listener() {
            @Override
            public void heard(String body) {
                heard.add(body);
            }

            @Override
            public void mayHaveMissed() {
                missed.incrementAndGet();
            }
        };
    }
}
