package com.lavish.customers.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged service (target/quarkus-app/quarkus-run.jar) as a process of its own, as the local run and Kubernetes
 * start it: its production profile, the infrastructure and the clearly fake secrets from the environment. Tests kill it
 * as a crash would (SIGKILL) and start it again.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Map<String, String> environment;
    private final int managementPort;
    private final Path log;
    private Process process;

    public ServiceProcess(
            Map<String, String> infrastructure, int port, int managementPort, Map<String, String> settings, Path log) {
        this.managementPort = managementPort;
        this.log = log;
        environment = new HashMap<>(infrastructure);
        environment.putAll(settings);
        // on loopback, as the local run starts it; readiness is on the management port
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        environment.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
    }

    /** Starts it and waits until it is ready. */
    public ServiceProcess start() {
        File jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toFile();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m",
                        "-XX:+UseSerialGC",
                        "-jar",
                        jar.getAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(Duration.ofSeconds(120));
        return this;
    }

    /** SIGKILL, as a crash or an OOM kill ends it: no shutdown hook, no last commit of offsets. */
    public void crash() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private void awaitReady(Duration within) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service stopped while starting; see " + log);
            }
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("the service was not ready within " + within + "; see " + log);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }
}
