package org.safecity.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker (the {@code kafka_2.13} artifact), one node in KRaft mode (broker and
 * controller), in a child JVM with its log under {@code dir}: formatted, started, and answering before
 * {@link #start} returns. Killed with the test JVM's end at the latest.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBroker(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public static KafkaBroker start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        var broker = new KafkaBroker(dir.toAbsolutePath(), freePort(), freePort());
        try {
            broker.run();
        } catch (IOException | InterruptedException | RuntimeException e) {
            broker.close(); // no broker left running behind a failed start
            throw e;
        }
        return broker;
    }

    /** {@code host:port}, as {@code SAFECITY_KAFKA_BOOTSTRAP} takes it. */
    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** CPU time the broker has used so far, for the benchmarks. */
    public double cpuSeconds() {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    private void run() throws IOException, InterruptedException {
        Path config = dir.resolve("server.properties");
        Files.writeString(config, String.join("\n",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "log.dirs=" + dir.resolve("data"),
            "num.partitions=1",
            "auto.create.topics.enable=false",
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=4",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            // a group of instances starting together settles at once; an instance killed is noticed within its session timeout
            "group.initial.rebalance.delay.ms=0",
            "group.min.session.timeout.ms=2000",
            "log.flush.interval.messages=9223372036854775807",
            ""));
        String clusterId = Uuid.randomUuid().toString();
        var format = java(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString()), "format.log").start();
        if (!format.waitFor(3, TimeUnit.MINUTES) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IllegalStateException("formatting the Kafka log failed; see " + dir.resolve("format.log"));
        }
        process = java(List.of("kafka.Kafka", config.toString()), "broker.log").start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos(); // a busy CI machine starts a JVM slowly
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see " + dir.resolve("broker.log"));
            }
            try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "1000", AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "1000"))) {
                if (!admin.describeCluster().nodes().get(1, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Kafka did not answer within 3 minutes; see " + dir.resolve("broker.log"));
    }

    private ProcessBuilder java(List<String> arguments, String log) {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", ServerProcess.classpath()));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(log).toFile()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
