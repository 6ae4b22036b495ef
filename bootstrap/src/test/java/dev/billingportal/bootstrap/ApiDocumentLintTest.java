package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.PortalProcess;
import dev.billingportal.bootstrap.support.TestPortal;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/**
 * What a REST client's developer reads and generates a client from: {@code /openapi} passes Redocly's recommended rules
 * and Spectral's {@code spectral:oas} with no error and no warning. Both linters come from npm, pinned in
 * {@code tools/openapi-lint} (installed there by {@code ./portal.sh test}), and run with the machine's Node.js.
 */
@HelidonTest
class ApiDocumentLintTest {
    private static final Path TOOLS = Path.of("..", "tools", "openapi-lint").toAbsolutePath().normalize();
    private static Path document;

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(PortalProcess.freePort(), Map.of());
    }

    /** The running portal's document, fetched once (the server is up only once the tests run). */
    private static synchronized Path document() throws IOException {
        if (document != null) {
            return document;
        }
        assertTrue(Files.isExecutable(TOOLS.resolve("node_modules/.bin/redocly")),
                "the linters are not installed: npm ci --prefix tools/openapi-lint (./portal.sh test does it)");
        Api.Reply reply = Api.ofRunningServer().get("/openapi", null);
        assertEquals(200, reply.status());
        document = Files.createTempDirectory("openapi-").resolve("openapi.yaml");
        Files.writeString(document, reply.body());
        return document;
    }

    /** Runs a linter of tools/openapi-lint; returns its standard output. */
    private static String lint(String tool, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(TOOLS.resolve("node_modules/.bin/" + tool).toString()));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(tool, ".out");
        Process process = new ProcessBuilder(command).directory(TOOLS.toFile())
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), tool + " finished in time");
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    /**
     * The checked-in document ({@code api/openapi.json}, what the generated client of {@code api-client} is built from)
     * is the one the portal serves; after a change to the API, regenerate it from a running portal:
     * {@code curl -s -H 'Accept: application/json' localhost:8080/openapi | python3 -m json.tool --indent 2 >
     * api/openapi.json}.
     */
    @Test
    void theCheckedInDocumentIsTheOneThePortalServes() throws IOException {
        Api.Reply served = Api.ofRunningServer().send(Api.ofRunningServer().request("/openapi", null)
                .header("Accept", "application/json"));
        JsonObject live = Json.createReader(new StringReader(served.body())).readObject();
        JsonObject checkedIn = Json.createReader(new StringReader(Files.readString(
                Path.of("..", "api", "openapi.json")))).readObject();
        assertEquals(checkedIn, live, "api/openapi.json is not the document the portal serves: regenerate it");
    }

    @Test
    void redoclysRecommendedRulesFindNothing() throws Exception {
        String report = lint("redocly", "lint", "--config", "redocly.yaml", "--format", "json", document().toString());
        JsonObject totals = Json.createReader(new StringReader(report)).readObject().getJsonObject("totals");
        assertEquals(0, totals.getInt("errors"), report);
        assertEquals(0, totals.getInt("warnings"), report);
        assertEquals(0, totals.getInt("ignored"), "nothing ignored either: " + report);
    }

    @Test
    void spectralsOpenApiRulesFindNothing() throws Exception {
        String report = lint("spectral", "lint", "--ruleset", ".spectral.yaml", "--format", "json",
                "--fail-severity", "hint", document().toString());
        JsonArray results = Json.createReader(new StringReader(report.isBlank() ? "[]" : report)).readArray();
        assertEquals(List.of(), results.stream().map(Object::toString).toList(), "spectral:oas findings");
    }
}
