package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Db;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.MailedLinks;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.domain.access.SecretTokens;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Spec §2 and the foundation issue: operators open accounts; the first user is invited by e-mail. */
@HelidonTest
class OperatorAccountsTest {
    private static final Mailbox MAILBOX = new Mailbox();
    private static final String OPERATOR = TestPortal.OPERATOR_TOKEN;
    private static final Pattern LINK = Pattern.compile("http://portal\\.test/invitation\\?token=([A-Za-z0-9_-]+)");

    private Api api;
    private Db db;

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(MAILBOX.port(), Map.of());
    }

    @AfterAll
    static void stopMailbox() {
        MAILBOX.stop();
    }

    @BeforeEach
    void connect() {
        api = Api.ofRunningServer();
        db = Db.ofRunningPortal();
    }

    static String account(String username) {
        return """
                {"name":"Acme Telecom","firstUser":{"username":"%s","firstName":"Zoë","lastName":"Gagné-Tremblay",
                 "timeZone":"America/Toronto","billingNotifications":true}}""".formatted(username);
    }

    @Test
    void creatingAnAccountInvitesItsFirstUserByMail() {
        Api.Reply created = api.post("/api/v1/operator/accounts", OPERATOR, account("first@example.com"));

        assertEquals(201, created.status(), created.body());
        JsonObject body = created.json();
        String location = created.header("Location").orElseThrow();
        assertTrue(location.endsWith("/api/v1/operator/accounts/" + body.getString("id")), location);
        assertTrue(body.getString("accountNumber").matches("ACC-\\d{6}"), body.toString());
        assertEquals("CAD", body.getString("currency"));
        JsonObject firstUser = body.getJsonObject("firstUser");
        assertEquals("INVITED", firstUser.getString("status"));
        assertEquals("first@example.com", firstUser.getString("email"), "the e-mail defaults to the username");
        assertEquals(body.getString("id"), firstUser.getString("accountId"));

        Api.Reply read = api.get(location.substring(location.indexOf("/api/")), OPERATOR);
        assertEquals(200, read.status());
        assertEquals(body.getString("accountNumber"), read.json().getString("accountNumber"));
        assertEquals(body.getString("createdAt"), read.json().getString("createdAt"));

        Await.until(Duration.ofSeconds(15), () -> MAILBOX.to("first@example.com").size() == 1, "the invitation arrives");
        MimeMessage invitation = MAILBOX.to("first@example.com").get(0);
        String text = Mailbox.text(invitation);
        assertTrue(text.startsWith("Hello Zoë,"), text);
        Matcher link = LINK.matcher(text);
        assertTrue(link.find(), text);
        String token = link.group(1);
        assertTrue(token.length() >= 43, "at least 256 bits: " + token);
        MailedLinks.awaitLive(api, "/invitation?token=" + token);
        java.util.UUID userId = java.util.UUID.fromString(firstUser.getString("id"));
        assertEquals(List.of(SecretTokens.hash(token)),
                db.strings("SELECT token_hash FROM one_time_token WHERE user_id = ?", userId),
                "only the token's hash is stored");
    }

    @Test
    void anOperatorMayChooseTheAccountNumberButNotOneThatIsTaken() {
        String chosen = """
                {"accountNumber":"acme-42","name":"Acme","currency":"USD","firstUser":{"username":"chosen@example.com",
                 "firstName":"Ann","lastName":"Lee","timeZone":"America/Vancouver"}}""";
        Api.Reply created = api.post("/api/v1/operator/accounts", OPERATOR, chosen);
        assertEquals(201, created.status(), created.body());
        assertEquals("ACME-42", created.json().getString("accountNumber"));
        assertEquals("USD", created.json().getString("currency"));
        long accounts = db.count("account");

        Api.Reply again = api.post("/api/v1/operator/accounts", OPERATOR,
                chosen.replace("chosen@example.com", "other@example.com").replace("acme-42", "ACME-42"));

        assertEquals(409, again.status(), again.body());
        assertEquals("The account number already exists.", again.json().getString("detail"));
        assertEquals(accounts, db.count("account"));
    }

    @Test
    void aTakenUsernameRefusesTheWholeAccount() {
        assertEquals(201, api.post("/api/v1/operator/accounts", OPERATOR, account("taken@example.com")).status());
        long accounts = db.count("account");

        Api.Reply again = api.post("/api/v1/operator/accounts", OPERATOR, account("  TAKEN@Example.com "));

        assertEquals(409, again.status(), again.body());
        assertEquals("The username already exists. Please use a different username.", again.json().getString("detail"));
        assertEquals(accounts, db.count("account"), "no account without its first user");
    }

    @Test
    void withoutTheOperatorTokenNothingHappens() {
        long accounts = db.count("account");

        Api.Reply none = api.post("/api/v1/operator/accounts", null, account("nobody@example.com"));
        Api.Reply wrong = api.post("/api/v1/operator/accounts", OPERATOR + "x", account("nobody@example.com"));
        Api.Reply read = api.get("/api/v1/operator/accounts/" + java.util.UUID.randomUUID(), "not-the-token");

        for (Api.Reply reply : List.of(none, wrong, read)) {
            assertEquals(401, reply.status(), reply.body());
            assertEquals("Bearer", reply.header("WWW-Authenticate").orElseThrow());
            assertTrue(reply.contentType().startsWith("application/problem+json"));
        }
        assertEquals(accounts, db.count("account"));
    }

    /** Found by ApiFuzzIT: a body nested deeper than the JSON parser's limit was a 500. */
    @Test
    void aBodyNestedTooDeeplyIsA400AndCreatesNothing() {
        long accounts = db.count("account");
        Api.Reply refused = api.post("/api/v1/operator/accounts", OPERATOR, "[".repeat(5_000) + "]".repeat(5_000));

        assertEquals(400, refused.status(), refused.body());
        assertEquals("body", refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("is nested too deeply", refused.json().getJsonArray("errors").getJsonObject(0)
                .getString("message"));
        assertEquals(accounts, db.count("account"));
    }

    @Test
    void anUnknownAccountIsNotFound() {
        assertEquals(404, api.get("/api/v1/operator/accounts/" + java.util.UUID.randomUUID(), OPERATOR).status());
        assertEquals(404, api.get("/api/v1/operator/accounts/not-a-uuid", OPERATOR).status());
    }

    static Stream<Arguments> badRequests() {
        String valid = account("bad@example.com");
        return Stream.of(
                Arguments.of("malformed JSON", "{\"name\": ", 400, "body"),
                Arguments.of("not an object", "[1, 2]", 400, "body"),
                Arguments.of("empty body", "", 400, "body"),
                Arguments.of("a number for the name", valid.replace("\"Acme Telecom\"", "42"), 400, "name"),
                Arguments.of("a string for the flag", valid.replace("true", "\"yes\""), 400,
                        "firstUser.billingNotifications"),
                Arguments.of("the first user not an object", "{\"name\":\"Acme\",\"firstUser\":\"alice\"}", 400,
                        "firstUser"),
                Arguments.of("no name", valid.replace("\"name\":\"Acme Telecom\",", ""), 400, "name"),
                Arguments.of("no first user", "{\"name\":\"Acme\"}", 400, "firstUser"),
                Arguments.of("no username", valid.replace("\"username\":\"bad@example.com\",", ""), 400,
                        "firstUser.username"),
                Arguments.of("an unknown time zone", valid.replace("America/Toronto", "Mars/Olympus_Mons"), 400,
                        "firstUser.timeZone"),
                Arguments.of("CR/LF in a name", valid.replace("\"Zoë\"", "\"Zoë\\r\\nBcc: x@example.com\""), 400,
                        "firstUser.firstName"),
                Arguments.of("a blank last name", valid.replace("\"Gagné-Tremblay\"", "\"   \""), 400,
                        "firstUser.lastName"),
                Arguments.of("spaces in the username", valid.replace("bad@example.com", "bad user"), 400,
                        "firstUser.username"),
                Arguments.of("a username that is not an e-mail and no e-mail", valid.replace("bad@example.com", "baduser"),
                        400, "firstUser.email"),
                Arguments.of("an invalid e-mail", valid.replace("\"username\"", "\"email\":\"not-an-address\",\"username\""),
                        400, "firstUser.email"),
                Arguments.of("an unknown currency", valid.replace("\"name\"", "\"currency\":\"XYZ\",\"name\""), 400,
                        "currency"),
                Arguments.of("a name over 200 characters", valid.replace("Acme Telecom", "A".repeat(201)), 400, "name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestGetsAProblemNamingTheFieldAndWritesNothing(String what, String json, int status, String field) {
        long accounts = db.count("account");
        long users = db.count("portal_user");
        long outbox = db.count("outbox_entry");

        Api.Reply reply = api.post("/api/v1/operator/accounts", OPERATOR, json);

        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        JsonObject problem = reply.json();
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.getString("type").startsWith("urn:billing-portal:problem:"));
        assertFalse(problem.getString("detail").isBlank());
        assertTrue(problem.getJsonArray("errors").stream()
                        .anyMatch(error -> error.asJsonObject().getString("field").equals(field)),
                "the field " + field + " is named: " + problem);
        assertEquals(accounts, db.count("account"));
        assertEquals(users, db.count("portal_user"));
        assertEquals(outbox, db.count("outbox_entry"));
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWhetherAnnouncedOrChunked() {
        long accounts = db.count("account");
        String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        Api.Reply announced = api.post("/api/v1/operator/accounts", OPERATOR, huge);
        Api.Reply chunked = api.send(api.request("/api/v1/operator/accounts", OPERATOR)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));

        assertEquals(413, announced.status(), announced.body());
        assertEquals(413, chunked.status(), chunked.body());
        assertTrue(chunked.contentType().startsWith("application/problem+json"));
        assertEquals(accounts, db.count("account"));
    }

    @Test
    void healthChecksTheDatabaseAndTheBrokerAndTheDocsCarrySchemas() {
        Api.Reply live = api.get("/health/live", null);
        Api.Reply ready = api.get("/health/ready", null);
        assertEquals(200, live.status(), live.body());
        assertEquals(200, ready.status(), ready.body());
        List<String> checks = ready.json().getJsonArray("checks").stream()
                .map(check -> check.asJsonObject().getString("name") + "=" + check.asJsonObject().getString("status"))
                .toList();
        assertTrue(checks.containsAll(List.of("database=UP", "broker=UP")), checks.toString());

        Api.Reply openApi = api.get("/openapi", null);
        assertEquals(200, openApi.status());
        assertTrue(openApi.body().contains("/api/v1/operator/accounts"), "paths");
        assertTrue(openApi.body().contains("CreateAccountRequest:"), "request schemas");
        assertTrue(openApi.body().contains("PortalUser:"), "response schemas");

        assertEquals(200, api.get("/metrics", null).status());
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        Api.Reply reply = api.send(api.request("/api/v1/operator/accounts", OPERATOR)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(account("text@example.com"))));

        assertEquals(415, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"));
    }
}
