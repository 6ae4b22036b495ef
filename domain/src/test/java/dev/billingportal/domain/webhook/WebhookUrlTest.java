package dev.billingportal.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.domain.failure.InvalidValue;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An endpoint's URL: https, a host, no user-info; plain http only to a listed host. */
class WebhookUrlTest {

    @Test
    void anHttpsUrlGivesItsHostAndPort() {
        WebhookUrl url = WebhookUrl.parse("https://Hooks.Example.com/billing?x=1", Set.of());
        assertEquals("hooks.example.com", url.host());
        assertEquals(443, url.port());
        assertEquals(8443, WebhookUrl.parse("https://[2606:4700::1111]:8443/h", Set.of()).port());
        assertEquals("2606:4700::1111", WebhookUrl.parse("https://[2606:4700::1111]:8443/h", Set.of()).host());
        assertEquals(80, WebhookUrl.parse("http://receiver.test/h", Set.of("receiver.test")).port());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "http://hooks.example.com/h | must use https",
        "ftp://hooks.example.com/h | must use https",
        "https://user:pass@hooks.example.com/h | must not carry a user name or password",
        "https://user@hooks.example.com/h | must not carry a user name or password",
        "https:///h | has no host",
        "not a url | is not a URL",
        "https://hooks.example.com/h#top | must not have a fragment"})
    void aUrlBreakingARuleIsRefusedWithTheRule(String url, String rule) {
        assertEquals(rule, assertThrows(InvalidValue.class, () -> WebhookUrl.parse(url, Set.of("receiver.test")))
                .getMessage());
    }

    @org.junit.jupiter.api.Test
    void aWellFormedUrlIsOneTheRulesThenJudge() {
        org.junit.jupiter.api.Assertions.assertTrue(WebhookUrl.wellFormed("http://hooks.example.com/x"),
                "well formed, though http: the rules refuse it, as a rule");
        org.junit.jupiter.api.Assertions.assertTrue(WebhookUrl.wellFormed("https://user:pw@hooks.example.com/"));
        org.junit.jupiter.api.Assertions.assertFalse(WebhookUrl.wellFormed("not a url"));
        org.junit.jupiter.api.Assertions.assertFalse(WebhookUrl.wellFormed("hooks.example.com/x"), "no scheme");
        org.junit.jupiter.api.Assertions.assertFalse(WebhookUrl.wellFormed(" "));
        org.junit.jupiter.api.Assertions.assertFalse(WebhookUrl.wellFormed(null));
        org.junit.jupiter.api.Assertions.assertFalse(WebhookUrl.wellFormed("https://e.com/" + "a".repeat(2000)));
    }
}
