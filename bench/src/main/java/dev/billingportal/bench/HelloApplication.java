package dev.billingportal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bare Helidon MP hello application (module {@code bench/hello}: one JAX-RS resource, Helidon MP's core bundle),
 * the yardstick for the portal's startup time, memory and bare GET. Packaged as the portal is, a jar with its
 * {@code libs/} beside it, and started the same way ({@code java [options] -jar}), so that both get the same JVM
 * treatment; started from the bench's own classpath it would also carry the bench's hundred-odd other jars.
 */
final class HelloApplication {
    private final Path jar;
    private final Path workDir;
    private final int port;
    private final List<String> jvmOptions;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    HelloApplication(Path workDir, int port, List<String> jvmOptions) {
        this.jar = jar();
        this.workDir = workDir;
        this.port = port;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** The packaged hello application: {@code -Dhello.jar}, else where the build puts it. */
    private static Path jar() {
        Path jar = Path.of(System.getProperty("hello.jar", "bench/hello/target/hello.jar")).toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the bench first (mvn package)");
        }
        return jar;
    }

    MeasuredProcess start() {
        return start(List.of());
    }

    /** Starts with {@code extraOptions} after the common JVM options (an AOT cache, say). */
    MeasuredProcess start(List<String> extraOptions) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        List<String> command = new ArrayList<>();
        command.add(Jvm.java());
        command.addAll(jvmOptions);
        command.addAll(extraOptions);
        command.addAll(List.of("-jar", jar.toString()));
        return MeasuredProcess.start(command, workDir, Map.of("SERVER_PORT", Integer.toString(port)),
                url(), Duration.ofMinutes(2));
    }

    void request() {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || !answer.body().equals("Hello")) {
                throw new IllegalStateException("hello answered " + answer.statusCode() + ": " + answer.body());
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/hello");
    }
}
