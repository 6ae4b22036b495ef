package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Db;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.Onboarding.Member;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.TestPortal;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec §3, rule by rule, as the users of Manage Users meet them. */
@HelidonTest
class ManageUsersTest {
    private static final Mailbox MAILBOX = new Mailbox();
    private static final String TAKEN = "The username already exists. Please use a different username.";

    private Api api;
    private Db db;
    private Onboarding onboarding;

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
        onboarding = new Onboarding(api, MAILBOX);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private Api.Reply put(Member member, String userId, String ifMatch, String json) {
        HttpRequest.Builder request = api.request(member.users() + "/" + userId, member.token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return api.send(request);
    }

    private Api.Reply delete(Member member, String userId) {
        return api.send(api.request(member.users() + "/" + userId, member.token()).DELETE());
    }

    private Api.Reply add(Member member, String username) {
        return api.post(member.users(), member.token(), Onboarding.newUser(username, false));
    }

    @Test
    void aUsernameExistsInAnyCaseWithSpacesInAnotherAccountAndAfterDeletion() {
        Member ann = onboarding.newAccount(unique("ann"));
        Member other = onboarding.newAccount(unique("other"));
        String bob = unique("bob");
        String bobId = onboarding.invite(ann, bob);
        String carol = unique("carol");
        String carolId = onboarding.invite(ann, carol);
        assertEquals(204, delete(ann, carolId).status());
        long users = db.count("portal_user");

        for (String again : List.of(bob.toUpperCase(), "  " + bob + "  ", bob)) {
            Api.Reply reply = add(ann, again);
            assertEquals(409, reply.status(), again + ": " + reply.body());
            assertEquals(TAKEN, reply.json().getString("detail"));
        }
        Api.Reply inAnotherAccount = add(other, bob);
        assertEquals(409, inAnotherAccount.status());
        assertEquals(TAKEN, inAnotherAccount.json().getString("detail"));
        Api.Reply deletedUser = add(ann, carol);
        assertEquals(409, deletedUser.status(), "a deleted user's username stays reserved");
        assertEquals(TAKEN, deletedUser.json().getString("detail"));
        assertEquals(users, db.count("portal_user"));
        assertNotEquals(bobId, carolId);
    }

    @Test
    void twentyConcurrentAddsOfOneUsernameLetExactlyOneThrough() throws Exception {
        Member ann = onboarding.newAccount(unique("ann"));
        String racer = unique("racer");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<CompletableFuture<Api.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            replies.add(CompletableFuture.supplyAsync(() -> add(ann, racer), pool));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Api.Reply> reply : replies) {
            statuses.add(reply.get(60, TimeUnit.SECONDS).status());
        }
        pool.shutdown();

        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        assertEquals(1, db.number("SELECT COUNT(*) FROM portal_user WHERE username_key = ?", racer.toLowerCase()));
    }

    @Test
    void nobodyDeletesThemselfAndNothingChanges() {
        Member ann = onboarding.newAccount(unique("ann"));
        long auditEntries = db.count("audit_event");

        Api.Reply reply = delete(ann, ann.userId());

        assertEquals(409, reply.status(), reply.body());
        assertEquals("You cannot delete your own Billing Portal user.", reply.json().getString("detail"));
        assertEquals(List.of("ACTIVE"), db.strings("SELECT status FROM portal_user WHERE id = ?", UUID.fromString(ann.userId())));
        assertEquals(200, api.get("/api/v1/me", ann.token()).status(), "still signed in");
        assertEquals(auditEntries, db.count("audit_event"));
    }

    @Test
    void editingHonoursIfMatchKeepsTheUsernameAndAuditsBeforeAndAfter() {
        Member ann = onboarding.newAccount(unique("ann"));
        String bobId = onboarding.invite(ann, unique("bob"));
        Api.Reply read = api.get(ann.users() + "/" + bobId, ann.token());
        assertEquals(200, read.status());
        String etag = read.header("ETag").orElseThrow();
        assertEquals("\"" + read.json().getInt("version") + "\"", etag);
        String edit = """
                {"firstName":"Robert","lastName":"Gagné-Tremblay","timeZone":"America/Vancouver",
                 "billingNotifications":true}""";

        Api.Reply edited = put(ann, bobId, etag, edit);
        assertEquals(200, edited.status(), edited.body());
        assertEquals("Robert", edited.json().getString("firstName"));
        assertNotEquals(etag, edited.header("ETag").orElseThrow(), "a new version");

        Api.Reply stale = put(ann, bobId, etag, edit.replace("Robert", "Bobby"));
        assertEquals(412, stale.status(), stale.body());
        assertEquals("Robert", api.get(ann.users() + "/" + bobId, ann.token()).json().getString("firstName"));

        Api.Reply renamed = put(ann, bobId, null, edit.replace("{", "{\"username\":\"someone-else@example.com\","));
        assertEquals(422, renamed.status(), renamed.body());
        assertEquals("username", renamed.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        Api.Reply badZone = put(ann, bobId, null, edit.replace("America/Vancouver", "Pluto/Base"));
        assertEquals(400, badZone.status());
        assertEquals("timeZone", badZone.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Api.Reply lineBreak = put(ann, bobId, null, edit.replace("Gagné-Tremblay", "Gagné\\r\\nTremblay"));
        assertEquals(400, lineBreak.status());
        assertEquals("lastName", lineBreak.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        Api.Reply self = put(ann, ann.userId(), null, edit.replace("Robert", "Annie"));
        assertEquals(200, self.status(), "a user may edit themself");

        JsonObject audit = api.get("/api/v1/accounts/" + ann.accountId() + "/audit-events", ann.token()).json();
        JsonObject bobEdit = audit.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("action").equals("USER_EDITED"))
                .filter(e -> e.getJsonObject("subject").getString("userId").equals(bobId))
                .findFirst().orElseThrow();
        assertEquals(ann.username(), bobEdit.getJsonObject("actor").getString("label"));
        assertTrue(bobEdit.getJsonArray("changes").contains(jakarta.json.Json.createObjectBuilder()
                .add("field", "firstName").add("before", "Zoë").add("after", "Robert").build()), bobEdit.toString());
    }

    @Test
    void aDeletedUserVanishesLosesTheirSessionAtOnceAndSupportCanRestoreThem() {
        Member ann = onboarding.newAccount(unique("ann"));
        Member bob = onboarding.addMember(ann, unique("bob"));
        assertEquals(200, api.get("/api/v1/me", bob.token()).status());

        assertEquals(204, delete(ann, bob.userId()).status());

        assertEquals(401, api.get("/api/v1/me", bob.token()).status(), "the open session stopped working");
        assertEquals(401, api.post("/api/v1/auth/login", null,
                "{\"username\":\"" + bob.username() + "\",\"password\":\"" + Onboarding.PASSWORD + "\"}").status());
        assertFalse(api.get(ann.users(), ann.token()).body().contains(bob.userId()), "gone from the list");
        assertEquals(404, api.get(ann.users() + "/" + bob.userId(), ann.token()).status());
        assertEquals(404, delete(ann, bob.userId()).status(), "deleted once");
        assertTrue(api.get("/api/v1/operator/accounts/" + ann.accountId() + "/users?includeDeleted=true",
                TestPortal.OPERATOR_TOKEN).body().contains(bob.userId()), "support still sees the tombstone");

        Api.Reply restored = api.post("/api/v1/operator/accounts/" + ann.accountId() + "/users/" + bob.userId()
                + "/restore", TestPortal.OPERATOR_TOKEN, "");
        assertEquals(200, restored.status(), restored.body());
        assertEquals("ACTIVE", restored.json().getString("status"), "they had a password");
        assertEquals(401, api.get("/api/v1/me", bob.token()).status(), "old sessions stay ended");
        onboarding.logIn(bob.username(), Onboarding.PASSWORD);

        Api.Reply again = api.post("/api/v1/operator/accounts/" + ann.accountId() + "/users/" + bob.userId()
                + "/restore", TestPortal.OPERATOR_TOKEN, "");
        assertEquals(409, again.status(), "only deleted users are restored");
        assertEquals(403, api.post("/api/v1/operator/accounts/" + ann.accountId() + "/users/" + bob.userId()
                + "/restore", ann.token(), "").status(), "portal users cannot restore");
    }

    @Test
    void restoringSomeoneWhoNeverSignedInInvitesThemAgain() {
        Member ann = onboarding.newAccount(unique("ann"));
        String dan = unique("dan");
        String danId = onboarding.invite(ann, dan);
        String firstInvitation = onboarding.latestToken(dan, "invitation");
        assertEquals(204, delete(ann, danId).status());

        Api.Reply restored = api.post("/api/v1/operator/accounts/" + ann.accountId() + "/users/" + danId + "/restore",
                TestPortal.OPERATOR_TOKEN, "");

        assertEquals("INVITED", restored.json().getString("status"));
        String secondInvitation = onboarding.latestToken(dan, "invitation", 1);
        assertNotEquals(firstInvitation, secondInvitation);
        assertEquals(400, api.post("/api/v1/auth/invitations/accept", null, "{\"token\":\"" + firstInvitation
                + "\",\"password\":\"" + Onboarding.PASSWORD + "\"}").status(), "the old link died with the deletion");
        onboarding.activate(ann.accountId(), danId, dan);
    }

    @Test
    void reinvitingReplacesTheLinkAndOnlyInvitedUsersCanBeReinvited() {
        Member ann = onboarding.newAccount(unique("ann"));
        String eve = unique("eve");
        String eveId = onboarding.invite(ann, eve);
        String old = onboarding.latestToken(eve, "invitation");

        assertEquals(202, api.post(ann.users() + "/" + eveId + "/invitation", ann.token(), "").status());
        String fresh = onboarding.latestToken(eve, "invitation", 1);

        assertEquals(400, api.post("/api/v1/auth/invitations/accept", null,
                "{\"token\":\"" + old + "\",\"password\":\"" + Onboarding.PASSWORD + "\"}").status());
        assertEquals(204, api.post("/api/v1/auth/invitations/accept", null,
                "{\"token\":\"" + fresh + "\",\"password\":\"" + Onboarding.PASSWORD + "\"}").status());
        assertEquals(409, api.post(ann.users() + "/" + eveId + "/invitation", ann.token(), "").status(),
                "an active user needs no invitation");
    }

    @Test
    void theAuditLogPagesNewestFirstThroughEveryEntry() {
        Member ann = onboarding.newAccount(unique("ann"));
        for (int i = 0; i < 3; i++) {
            onboarding.invite(ann, unique("member" + i));
        }
        String path = "/api/v1/accounts/" + ann.accountId() + "/audit-events";
        List<String> all = api.get(path + "?limit=200", ann.token()).json().getJsonArray("items").stream()
                .map(e -> e.asJsonObject().getString("id")).toList();

        List<String> paged = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 20; page++) {
            JsonObject body = api.get(path + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), ann.token()).json();
            body.getJsonArray("items").forEach(e -> paged.add(e.asJsonObject().getString("id")));
            if (body.isNull("nextCursor")) {
                break;
            }
            cursor = body.getString("nextCursor");
        }

        assertEquals(all, paged, "every entry once, in the same order");
        Set<String> actions = new HashSet<>();
        api.get(path, ann.token()).json().getJsonArray("items")
                .forEach(e -> actions.add(e.asJsonObject().getString("action")));
        assertTrue(actions.containsAll(Set.of("USER_ADDED", "INVITATION_ACCEPTED", "SIGNED_IN")), actions.toString());
        assertEquals(400, api.get(path + "?cursor=not-a-cursor", ann.token()).status());
        assertEquals(400, api.get(path + "?limit=0", ann.token()).status());
        assertEquals(400, api.get(path + "?limit=201", ann.token()).status());
    }

    @Test
    void storedPasswordHashesAreArgon2id() {
        onboarding.newAccount(unique("ann"));

        List<String> hashes = db.strings("SELECT password_hash FROM portal_user WHERE password_hash IS NOT NULL");
        assertFalse(hashes.isEmpty());
        assertTrue(hashes.stream().allMatch(hash -> hash.startsWith("$argon2id$v=19$")), hashes.toString());
        assertTrue(hashes.stream().noneMatch(hash -> hash.contains(Onboarding.PASSWORD)));
        for (String hash : hashes) { // OWASP's floor for Argon2id: 19 MiB of memory, 2 iterations
            java.util.regex.Matcher parameters = java.util.regex.Pattern.compile("\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$")
                    .matcher(hash);
            assertTrue(parameters.find(), hash);
            assertTrue(Integer.parseInt(parameters.group(1)) >= 19 * 1024, "memory (KiB) " + parameters.group(1));
            assertTrue(Integer.parseInt(parameters.group(2)) >= 2, "iterations " + parameters.group(2));
        }
    }
}
