package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.Onboarding.Member;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.PortalProcess;
import dev.billingportal.bootstrap.support.ScriptedInbox;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.testing.ScriptedSmtpServer;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * No secret reaches a log line, at any level: the whole portal logs everything (the root logger at ALL, before it
 * starts) while a journey uses every secret it has — the operator token, a password, the invitation token, session
 * tokens, the database and SMTP passwords — and every record, its parameters and stack trace included, is searched.
 */
@HelidonTest
class SecretsStayOutOfLogsTest {
    private static final String DB_PASSWORD = "db-" + UUID.randomUUID();
    private static final String SMTP_USER = "portal-mailer";
    private static final String SMTP_PASSWORD = "smtp-" + UUID.randomUUID();
    private static final int SMTP_PORT = PortalProcess.freePort();
    private static final ScriptedSmtpServer SMTP = new ScriptedSmtpServer(SMTP_PORT).requireAuth(SMTP_USER,
            SMTP_PASSWORD);
    private static final SecretSearch LOGS = SecretSearch.install();

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(SMTP_PORT, Map.of(
                "portal.db.password", DB_PASSWORD,
                "portal.mail.smtp.username", SMTP_USER,
                "portal.mail.smtp.password", SMTP_PASSWORD));
    }

    @AfterAll
    static void stop() {
        LOGS.uninstall();
        SMTP.close();
    }

    /** Searches every record logged anywhere for the secrets it is given; keeps only the records that hold one. */
    private static final class SecretSearch extends Handler {
        private final List<String> secrets = new CopyOnWriteArrayList<>();
        private final List<String> leaks = new CopyOnWriteArrayList<>();
        private final AtomicLong records = new AtomicLong();
        private final Formatter formatter = new SimpleFormatter();
        private Level rootLevel;
        private final Map<Handler, Level> consoleLevels = new java.util.HashMap<>();

        /** Every record to this handler; the console's handlers keep printing what they printed before only. */
        static SecretSearch install() {
            SecretSearch search = new SecretSearch();
            search.setLevel(Level.ALL);
            Logger root = Logger.getLogger("");
            search.rootLevel = root.getLevel();
            for (Handler console : root.getHandlers()) {
                search.consoleLevels.put(console, console.getLevel());
                if (console.getLevel().intValue() < Level.INFO.intValue()) {
                    console.setLevel(Level.INFO);
                }
            }
            root.setLevel(Level.ALL);
            root.addHandler(search);
            return search;
        }

        void uninstall() {
            Logger root = Logger.getLogger("");
            root.removeHandler(this);
            root.setLevel(rootLevel);
            consoleLevels.forEach(Handler::setLevel);
        }

        void lookFor(String... values) {
            secrets.addAll(List.of(values));
        }

        @Override
        public void publish(LogRecord record) {
            records.incrementAndGet();
            StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
            try {
                text.append(' ').append(formatter.formatMessage(record));
            } catch (RuntimeException unformattable) {
                // the raw message and parameters are searched anyway
            }
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(parameter);
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(' ').append(trace);
            }
            String all = text.toString();
            for (String secret : secrets) {
                if (all.contains(secret)) {
                    leaks.add(record.getLoggerName() + " " + record.getLevel() + ": "
                            + all.substring(0, Math.min(all.length(), 400)));
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void noSecretReachesALogLineAtAnyLevel() throws java.io.IOException {
        // Known before the portal uses them; the session and invitation tokens are added as they appear, and
        // searched for in every record from then on (a token is logged, if at all, after it exists).
        // AUTH PLAIN's response, base64 of [authorization id] NUL user NUL password, as the mail client may send it.
        String plainAuth = Base64.getEncoder().encodeToString(("\0" + SMTP_USER + "\0" + SMTP_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        String plainAuthWithId = Base64.getEncoder().encodeToString((SMTP_USER + "\0" + SMTP_USER + "\0"
                + SMTP_PASSWORD).getBytes(StandardCharsets.UTF_8));
        LOGS.lookFor(TestPortal.OPERATOR_TOKEN, Onboarding.PASSWORD, DB_PASSWORD, SMTP_PASSWORD, plainAuth,
                plainAuthWithId);
        Api api = Api.ofRunningServer();
        Onboarding onboarding = new Onboarding(api, new ScriptedInbox(() -> SMTP));
        String username = "ann-" + UUID.randomUUID() + "@example.com";

        Member ann = onboarding.newAccount(username);
        List<String> tokens = new ArrayList<>(onboarding.links(username, "invitation"));
        tokens.add(ann.token());
        LOGS.lookFor(tokens.toArray(String[]::new));
        assertEquals(201, new Billing(api).post(ann.accountId(), Billing.payment("12.00", null, "LOGS")).status());
        assertEquals(200, api.get("/api/v1/me", ann.token()).status());
        assertEquals(401, api.get("/api/v1/me", ann.token() + "x").status(), "a wrong token is logged no more");
        assertEquals(401, api.post("/api/v1/auth/login", null, "{\"username\":\"" + username
                + "\",\"password\":\"" + Onboarding.PASSWORD + "!\"}").status());
        String second = onboarding.logIn(username, Onboarding.PASSWORD);
        LOGS.lookFor(second);
        assertEquals(204, api.post("/api/v1/auth/logout", second, "").status());

        // Named API keys (spec §11): created, used, rotated, used wrongly, revoked; the secrets key's file too.
        Api.Reply created = api.post("/api/v1/operator/api-keys", TestPortal.OPERATOR_TOKEN,
                "{\"name\":\"Log watcher\",\"role\":\"admin\"}");
        assertEquals(201, created.status(), created.body());
        String key = created.json().getString("key");
        LOGS.lookFor(key, key.substring(12));
        assertEquals(200, api.get("/api/v1/operator/api-keys", key).status());
        Api.Reply rotated = api.post("/api/v1/operator/api-keys/" + created.json().getString("id") + "/rotation",
                key, "{\"graceHours\":0}");
        assertEquals(200, rotated.status(), rotated.body());
        String newKey = rotated.json().getString("key");
        LOGS.lookFor(newKey, newKey.substring(12));
        assertEquals(401, api.get("/api/v1/operator/api-keys", key).status(), "the old key, wrongly");
        assertEquals(204, api.send(api.request("/api/v1/operator/api-keys/" + created.json().getString("id"),
                newKey).DELETE()).status());
        String dataDir = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("portal.data-dir", String.class);
        LOGS.lookFor(java.nio.file.Files.readString(java.nio.file.Path.of(dataDir, "secrets-key")).strip());
        dev.billingportal.bootstrap.support.Await.until(java.time.Duration.ofSeconds(20),
                () -> SMTP.received().size() >= 2, "the invitation and the payment mail");

        assertTrue(SMTP.authentications() > 0, "the SMTP password was used");
        assertTrue(LOGS.records.get() > 1_000, "everything was logged: " + LOGS.records.get() + " records");
        assertEquals(List.of(), LOGS.leaks, "log records holding a secret");
    }
}
