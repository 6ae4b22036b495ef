package dev.billingportal.bootstrap.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Brings people into a portal under test the way they really arrive: invited by e-mail, then signed in. */
public final class Onboarding {
    public static final String PASSWORD = "correct horse battery staple";
    private static final Pattern LINK = Pattern.compile("/(invitation|password-reset)\\?token=([A-Za-z0-9_-]+)");

    private final Api api;
    private final Inbox mailbox;

    public Onboarding(Api api, Inbox mailbox) {
        this.api = api;
        this.mailbox = mailbox;
    }

    /** A signed-in portal user. */
    public record Member(String accountId, String userId, String username, String token) {
        public String users() {
            return "/api/v1/accounts/" + accountId + "/users";
        }
    }

    public static String newUser(String username, boolean billingNotifications) {
        return newUser(username, billingNotifications, "America/Toronto");
    }

    public static String newUser(String username, boolean billingNotifications, String timeZone) {
        return """
                {"username":"%s","firstName":"Zoë","lastName":"O'Brien","timeZone":"%s",
                 "billingNotifications":%s}""".formatted(username, timeZone, billingNotifications);
    }

    /** A new account whose first user has accepted the invitation and signed in. */
    public Member newAccount(String username) {
        Api.Reply created = api.post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN,
                "{\"name\":\"Account of " + username + "\",\"firstUser\":" + newUser(username, true) + "}");
        assertEquals(201, created.status(), created.body());
        JsonObject body = created.json();
        return activate(body.getString("id"), body.getJsonObject("firstUser").getString("id"), username);
    }

    /**
     * An account named {@code name} whose first user ({@code admin}, signed in) added {@code deleted} and deleted
     * them: the caller a console test's billing team finds and restores.
     */
    public Member newAccountWithADeletedUser(String name, String admin, String deleted) {
        Api.Reply created = api.post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN,
                "{\"name\":\"" + name + "\",\"firstUser\":" + newUser(admin, true) + "}");
        assertEquals(201, created.status(), created.body());
        Member first = activate(created.json().getString("id"), created.json().getJsonObject("firstUser")
                .getString("id"), admin);
        Member member = addMember(first, deleted);
        assertEquals(204, api.send(api.request(first.users() + "/" + member.userId(), first.token()).DELETE())
                .status());
        return first;
    }

    /** A user added by {@code admin}, invited, accepted and signed in. */
    public Member addMember(Member admin, String username) {
        String userId = invite(admin, username);
        return activate(admin.accountId(), userId, username);
    }

    /** A user in {@code timeZone}, with billing notifications as given, invited, accepted and signed in. */
    public Member addMember(Member admin, String username, String timeZone, boolean billingNotifications) {
        Api.Reply added = api.post(admin.users(), admin.token(), newUser(username, billingNotifications, timeZone));
        assertEquals(201, added.status(), added.body());
        return activate(admin.accountId(), added.json().getString("id"), username);
    }

    /** A user added by {@code admin} who has not accepted the invitation; returns their id. */
    public String invite(Member admin, String username) {
        Api.Reply added = api.post(admin.users(), admin.token(), newUser(username, false));
        assertEquals(201, added.status(), added.body());
        return added.json().getString("id");
    }

    public Member activate(String accountId, String userId, String username) {
        Api.Reply accepted = api.post("/api/v1/auth/invitations/accept", null,
                "{\"token\":\"" + latestToken(username, "invitation") + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(204, accepted.status(), accepted.body());
        return new Member(accountId, userId, username, logIn(username, PASSWORD));
    }

    public String logIn(String username, String password) {
        Api.Reply login = api.post("/api/v1/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertEquals(200, login.status(), login.body());
        return login.json().getString("accessToken");
    }

    /** The token of the newest invitation or password-reset link mailed to {@code username}. */
    public String latestToken(String username, String kind) {
        return latestToken(username, kind, 0);
    }

    /** Waits until more than {@code seen} links of this kind reached the user and the newest is live; returns it. */
    public String latestToken(String username, String kind, int seen) {
        Await.until(Duration.ofSeconds(20), () -> links(username, kind).size() > seen, kind + " mail to " + username);
        List<String> tokens = links(username, kind);
        String newest = tokens.get(tokens.size() - 1);
        MailedLinks.awaitLive(api, "/" + kind + "?token=" + newest);
        return newest;
    }

    public List<String> links(String username, String kind) {
        return mailbox.to(username).stream() // in the order they arrived
                .map(Mailbox::text)
                .map(LINK::matcher)
                .filter(Matcher::find)
                .filter(link -> link.group(1).equals(kind))
                .map(link -> link.group(2))
                .toList();
    }
}
