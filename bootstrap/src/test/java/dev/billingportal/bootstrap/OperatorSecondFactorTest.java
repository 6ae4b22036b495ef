package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.access.CompleteSignInUseCase;
import dev.billingportal.application.port.in.access.EnrolAuthenticatorUseCase;
import dev.billingportal.application.port.in.access.EnrolmentDone;
import dev.billingportal.application.port.in.access.LogInCommand;
import dev.billingportal.application.port.in.access.OperatorLinksUseCase;
import dev.billingportal.application.port.in.access.SetPasswordCommand;
import dev.billingportal.application.port.in.access.SignInOperatorUseCase;
import dev.billingportal.application.port.in.access.SignInProgress;
import dev.billingportal.application.port.in.access.TotpEnrolment;
import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Db;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.MailedLinks;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.domain.access.ConsoleStage;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.operator.Totp;
import dev.billingportal.domain.operator.TotpSecret;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * An operator's way in on the running portal and its database (spec §11), through the use cases the console's pages
 * will drive: the invitation, a password, an authenticator enrolled with one code, ten recovery codes, sign-ins with a
 * code and with a recovery code — each code once — and afterwards no table holds the authenticator's secret, a
 * recovery code, a key or a token in clear.
 */
@HelidonTest
class OperatorSecondFactorTest {
    private static final Mailbox MAILBOX = new Mailbox();
    private static final Pattern LINK = Pattern.compile("http://portal\\.test/console/invitation\\?token=([A-Za-z0-9_-]+)");
    private static final String EMAIL = "nadia.operator@provider.example";

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(MAILBOX.port(), Map.of());
    }

    @AfterAll
    static void stopMailbox() {
        MAILBOX.stop();
    }

    private static <T> T useCase(Class<T> type) {
        return CDI.current().select(type).get();
    }

    @Test
    void enrolledSignedInEachCodeOnceAndNoSecretInAnyTable() {
        Api api = Api.ofRunningServer();
        Db db = Db.ofRunningPortal();
        List<String> secrets = new ArrayList<>();
        Api.Reply invited = api.post("/api/v1/operator/operators", TestPortal.OPERATOR_TOKEN,
                "{\"email\":\"" + EMAIL + "\",\"name\":\"Nadia Operator\",\"role\":\"admin\"}");
        assertEquals(201, invited.status(), invited.body());
        Await.until(Duration.ofSeconds(20), () -> !MAILBOX.to(EMAIL).isEmpty(), "the invitation");
        Matcher link = LINK.matcher(Mailbox.text(MAILBOX.to(EMAIL).get(0)));
        assertTrue(link.find(), Mailbox.text(MAILBOX.to(EMAIL).get(0)));
        secrets.add(link.group(1));
        MailedLinks.awaitLive(api, "/console/invitation?token=" + link.group(1));

        SignInProgress accepted = useCase(OperatorLinksUseCase.class).acceptInvitation(
                SetPasswordCommand.of(link.group(1), Onboarding.PASSWORD));
        assertEquals(ConsoleStage.ENROLMENT, accepted.stage(), "a second factor before anything else");
        secrets.add(accepted.token());
        EnrolAuthenticatorUseCase enrol = useCase(EnrolAuthenticatorUseCase.class);
        TotpEnrolment enrolment = enrol.begin(accepted.token());
        TotpSecret secret = TotpSecret.fromBase32(enrolment.secretText());
        assertTrue(enrolment.provisioningUri().startsWith("otpauth://totp/"), "for an authenticator app's QR code");
        String firstCode = Totp.code(secret, Totp.step(Instant.now()));
        EnrolmentDone done = enrol.confirm(accepted.token(), firstCode);
        assertEquals(10, done.recoveryCodes().size());
        secrets.add(done.session().orElseThrow().token());
        secrets.add(enrolment.secretText());
        secrets.add(Base64.getEncoder().encodeToString(secret.bytes()));
        secrets.add(Base64.getUrlEncoder().withoutPadding().encodeToString(secret.bytes()));
        secrets.add(HexFormat.of().formatHex(secret.bytes()));
        done.recoveryCodes().forEach(code -> {
            secrets.add(code);
            secrets.add(code.replace("-", ""));
        });

        SignInOperatorUseCase signIn = useCase(SignInOperatorUseCase.class);
        CompleteSignInUseCase complete = useCase(CompleteSignInUseCase.class);
        SignInProgress halfWay = signIn.signIn(LogInCommand.of(EMAIL.toUpperCase(java.util.Locale.ROOT),
                Onboarding.PASSWORD, SessionChannel.WEB));
        assertEquals(ConsoleStage.SECOND_FACTOR, halfWay.stage());
        assertThrows(AuthenticationFailed.class, () -> complete.withCode(halfWay.token(), firstCode),
                "the enrolment's code is spent");
        String recovery = done.recoveryCodes().get(3);
        secrets.add(complete.withCode(halfWay.token(), recovery).token());

        SignInProgress again = signIn.signIn(LogInCommand.of(EMAIL, Onboarding.PASSWORD, SessionChannel.WEB));
        assertThrows(AuthenticationFailed.class, () -> complete.withCode(again.token(), recovery),
                "a recovery code works once");
        assertThrows(AuthenticationFailed.class, () -> signIn.signIn(LogInCommand.of(EMAIL, "not the password",
                SessionChannel.WEB)), "the same failure for a wrong password");

        JsonObject signedIn = api.get("/api/v1/operator/audit-events?action=OPERATOR_SIGNED_IN",
                TestPortal.OPERATOR_TOKEN).json().getJsonArray("items").getJsonObject(0);
        assertEquals("recovery_code", signedIn.getString("factor"));
        assertEquals("Nadia Operator", signedIn.getJsonObject("actor").getString("label"));
        assertFalse(api.get("/api/v1/operator/audit-events?action=OPERATOR_SIGN_IN_FAILED",
                TestPortal.OPERATOR_TOKEN).json().getJsonArray("items").isEmpty(), "failures are audited too");

        Api.Reply key = api.post("/api/v1/operator/api-keys", TestPortal.OPERATOR_TOKEN,
                "{\"name\":\"Ledger sync\",\"role\":\"billing\"}");
        secrets.add(key.json().getString("key"));
        secrets.add(key.json().getString("key").substring(12));

        List<String> tables = db.strings("SELECT table_name FROM information_schema.tables WHERE"
                + " LOWER(table_schema) = 'public' AND table_type IN ('BASE TABLE', 'TABLE')");
        assertTrue(tables.size() >= 20, tables.toString());
        List<String> found = new ArrayList<>();
        for (String table : tables) {
            if (table.equalsIgnoreCase("flyway_schema_history")) {
                continue; // the migrations' checksums: Flyway's own, with a name of its own letter case
            }
            for (String value : db.everyValue(table)) {
                secrets.stream().filter(value::contains).forEach(s -> found.add(table + " holds " + s));
            }
        }
        assertEquals(List.of(), found, "no secret in clear in any table");
    }
}
