package dev.billingportal.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.Onboarding.Member;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.bootstrap.support.WebClient;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Behind TLS (an https {@code portal.base-url}, the proxy in front ending TLS), the cookies are {@code Secure} and
 * carry the {@code __Host-} prefix, and a form must come from the public origin.
 */
@HelidonTest
class WebOverHttpsTest {
    private static final Mailbox MAILBOX = new Mailbox();

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(MAILBOX.port(), Map.of("portal.base-url", "https://billing.acme.test"));
    }

    @AfterAll
    static void stopMailbox() {
        MAILBOX.stop();
    }

    @Test
    void theCookiesAreSecureHostCookiesAndFormsComeFromThePublicOrigin() {
        Api api = Api.ofRunningServer();
        Member ann = new Onboarding(api, MAILBOX).newAccount("ann-" + UUID.randomUUID() + "@example.com");
        WebClient browser = new WebClient(api.base());
        WebClient.Page form = browser.get("/sign-in");
        assertTrue(form.setCookies().stream().anyMatch(cookie -> cookie.startsWith("__Host-portal-csrf=")
                && cookie.contains("Secure") && cookie.contains("Path=/")), form.setCookies().toString());
        Map<String, String> fields = Map.of("_csrf", form.csrf(), "username", ann.username(), "password",
                Onboarding.PASSWORD, "next", "/");

        assertEquals(403, browser.post("/sign-in", fields, Map.of("Origin", "https://evil.example")).status());
        WebClient.Page signedIn = browser.post("/sign-in", fields, Map.of("Origin", "https://billing.acme.test"));

        assertEquals(303, signedIn.status(), signedIn.body());
        String cookie = signedIn.setCookies().stream().filter(value -> value.startsWith("__Host-portal-session="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax")
                && cookie.contains("Path=/") && !cookie.contains("Domain"), cookie);
        assertEquals(200, browser.get("/").status());
    }
}
