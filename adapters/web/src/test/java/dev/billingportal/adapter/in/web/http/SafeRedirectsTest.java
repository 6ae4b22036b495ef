package dev.billingportal.adapter.in.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** After sign-in, back to a page of this portal — never to another origin (no open redirect). */
class SafeRedirectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/users", "/transactions?type=PAYMENT&from=2026-11-01", "/users/1/edit"})
    void aPathOfThePortalIsKept(String path) {
        assertEquals(path, SafeRedirects.target(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(1)",
            "evil.example", "/\r\nSet-Cookie:x=1", "/ users", "", "/\t/evil.example"})
    void anythingElseGoesToTheDashboard(String target) {
        assertEquals("/", SafeRedirects.target(target));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console", "/console/accounts/42", "/console?q=ann"})
    void aPathOfTheConsoleIsKeptByTheConsole(String path) {
        assertEquals(path, SafeRedirects.target(path, "/console"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/users", "/consoles", "/console-evil", "//evil.example/console", "https://evil.example/console"})
    void theConsoleSendsNobodyElsewhere(String target) {
        assertEquals("/console", SafeRedirects.target(target, "/console"));
    }
}
