package org.safecity.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {

    @TempDir
    Path data;

    @Test
    void a_key_is_generated_once_owner_only_and_read_back_on_every_later_start() throws Exception {
        Path file = data.resolve("keys/some.key");
        var generated = new AtomicInteger();

        String first = KeyFiles.keptIn(file, () -> "secret-" + generated.incrementAndGet(), "a test key");
        String again = KeyFiles.keptIn(file, () -> "secret-" + generated.incrementAndGet(), "a test key");

        assertThat(first).isEqualTo("secret-1").isEqualTo(again);
        assertThat(generated).hasValue(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void instances_starting_at_once_all_keep_the_first_key_written_and_leave_no_half_written_file() throws Exception {
        Path file = data.resolve("keys/shared.key");
        int instances = 8;
        var start = new CyclicBarrier(instances);
        var seen = ConcurrentHashMap.<String>newKeySet();
        var counter = new AtomicInteger();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < instances; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    seen.add(KeyFiles.keptIn(file, () -> "key-" + counter.incrementAndGet(), "a shared key"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(seen).hasSize(1);
        assertThat(seen).containsExactly(Files.readString(file).strip());
        try (var left = Files.list(file.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("shared.key");
        }
    }

    @Test
    void a_key_already_in_place_is_never_replaced() throws Exception {
        Path file = data.resolve("kept.key");
        Files.writeString(file, "written by an operator\n");

        assertThat(KeyFiles.keptIn(file, () -> "new", "a key")).isEqualTo("written by an operator");
        assertThat(Set.of(Files.readString(file))).containsExactly("written by an operator\n");
    }
}
