package dev.billingportal.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The bare Helidon MP application ({@link dev.billingportal.bench.hello.HelloResource}) started from the
 * bench's own classpath with Helidon's CDI main, the yardstick for the portal's startup time and memory.
 */
final class HelloApplication {
    private final Path workDir;
    private final int port;
    private final List<String> jvmOptions;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    HelloApplication(Path workDir, int port, List<String> jvmOptions) {
        this.workDir = workDir;
        this.port = port;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    MeasuredProcess start() {
        List<String> command = new ArrayList<>();
        command.add(Jvm.java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", absoluteClassPath(), "io.helidon.microprofile.cdi.Main"));
        return MeasuredProcess.start(command, workDir, Map.of("SERVER_PORT", Integer.toString(port)),
                url(), Duration.ofMinutes(2));
    }

    /** The bench's classpath with every entry absolute: the application runs in a directory of its own. */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
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
