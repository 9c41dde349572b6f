package org.safecity.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

/** A write refused by a full disk, for real: {@code /dev/full} answers every write with ENOSPC. */
class DiskFullTest {

    @Test
    void a_write_failing_for_a_full_disk_is_answered_507_in_words_an_operator_can_act_on() throws Exception {
        IOException full = null;
        try {
            Files.write(Path.of("/dev/full"), new byte[] {1});
        } catch (IOException e) {
            full = e;
        }
        assertThat(full).as("/dev/full refuses every write").isNotNull();

        var answer = new ProblemResponses().unexpected(new IllegalStateException("could not store", full), new MockHttpServletRequest("POST", "/x"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INSUFFICIENT_STORAGE);
        assertThat(answer.getBody().getDetail()).contains("disk is full", "nothing was changed");
    }

    @Test
    void postgresql_s_disk_full_error_is_a_full_disk_and_other_failures_are_not() {
        assertThat(DiskFull.causes(new RuntimeException(new SQLException("could not extend file", "53100")))).isTrue();
        assertThat(DiskFull.causes(new IOException("Connection reset"))).isFalse();
        assertThat(DiskFull.causes(new SQLException("duplicate key", "23505"))).isFalse();
    }
}
