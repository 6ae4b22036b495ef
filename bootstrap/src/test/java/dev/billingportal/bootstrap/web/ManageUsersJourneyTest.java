package dev.billingportal.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Browser;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.TestPortal;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The help page's journeys in a real browser (spec §9): from the invitation link to the dashboard, signing out and in,
 * and Manage Users — New User, the green checkmark and the red X, the pencil, the red trash can and its question —
 * with JavaScript and without, in English and in French, by keyboard alone. Every page and state is checked with
 * axe-core (WCAG 2.2 A/AA) and photographed under {@code target/screenshots}.
 */
@HelidonTest
class ManageUsersJourneyTest {
    private static final Mailbox MAILBOX = new Mailbox();
    private static final String TAKEN = "The username already exists. Please use a different username.";
    private static final String TAKEN_FR = "Le nom d'utilisateur existe déjà. Veuillez utiliser un autre nom d'utilisateur.";
    private static final String SELF = "You cannot delete your own Billing Portal user.";
    private static final String SELF_FR = "Vous ne pouvez pas supprimer votre propre utilisateur du portail de facturation.";

    private Api api;
    private Onboarding onboarding;

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(MAILBOX.port(), Map.of("portal.support.name", "Acme Billing Support",
                "portal.support.email", "billing-help@acme.test", "portal.support.phone", "+1 555 0100"));
    }

    @AfterAll
    static void stopMailbox() {
        MAILBOX.stop();
    }

    @BeforeEach
    void connect() {
        api = Api.ofRunningServer();
        onboarding = new Onboarding(api, MAILBOX);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** An account created by an operator, whose first user (Zoë O'Brien) has only the invitation. */
    private String newAccount(String username) {
        Api.Reply created = api.post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN,
                "{\"name\":\"Acme Telecom\",\"firstUser\":" + Onboarding.newUser(username, true) + "}");
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    private void assertAccessible(Browser browser, String state) {
        List<String> violations = browser.accessibilityViolations();
        assertEquals(List.of(), violations, "WCAG 2.2 A/AA on " + state);
    }

    private static void signIn(Browser browser, String username, String password, String submit, String userLabel,
                               String passwordLabel) {
        browser.type(browser.field(userLabel), username);
        browser.type(browser.field(passwordLabel), password);
        browser.button(submit).click();
    }

    @Test
    void anInvitationLinkSetsThePasswordAndOpensTheDashboardThenSignOutAndInAgain() {
        String ann = unique("ann");
        newAccount(ann);
        String link = "/invitation?token=" + onboarding.latestToken(ann, "invitation");
        try (Browser browser = Browser.start(api.base())) {
            browser.open(link);
            browser.waitForHeading("Welcome to the Billing Portal");
            assertAccessible(browser, "the invitation page");
            browser.screenshot("invitation-en-desktop");

            browser.type(browser.field("Password"), Onboarding.PASSWORD);
            browser.type(browser.field("Confirm password"), "not the same password");
            browser.button("Set password and sign in").click();
            assertEquals("The two passwords are not the same.", browser.element("confirmation-error").getText());
            assertAccessible(browser, "the invitation page with an error");

            browser.type(browser.field("Password"), Onboarding.PASSWORD);
            browser.type(browser.field("Confirm password"), Onboarding.PASSWORD);
            browser.button("Set password and sign in").click();

            browser.waitForPath("/");
            browser.waitForHeading("Account Dashboard");
            assertTrue(browser.button("Zoë O'Brien").isDisplayed(), "the user's name in the top right corner");
            assertAccessible(browser, "the dashboard");
            browser.screenshot("dashboard-en-desktop");

            browser.button("Zoë O'Brien").click();
            assertAccessible(browser, "the dashboard with the user menu open");
            browser.button("Sign out").click();
            browser.waitForHeading("Sign in to the Billing Portal");
            assertTrue(browser.driver().getPageSource().contains("You are signed out."));
            assertAccessible(browser, "the sign-in page");
            browser.screenshot("sign-in-en-desktop");

            browser.open("/users");
            browser.waitForPath("/sign-in?next=%2Fusers");
            signIn(browser, ann, "a wrong password!", "Sign in", "Username", "Password");
            assertEquals("The username or password is incorrect.", browser.element("sign-in-error").getText());
            assertAccessible(browser, "the sign-in page with its error");
            signIn(browser, ann, Onboarding.PASSWORD, "Sign in", "Username", "Password");
            browser.waitForPath("/users"); // back to the page asked for
        }
    }

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void manageUsersAddsEditsAndDeletesAsTheHelpPageSays(boolean javascript) {
        String ann = unique("ann");
        String accountId = newAccount(ann);
        onboarding.activate(accountId, null, ann);
        String bob = unique("bob");
        String mode = javascript ? "js" : "nojs";
        try (Browser browser = Browser.start(api.base(), javascript, "en-CA,en", 1280, 900)) {
            browser.open("/sign-in");
            signIn(browser, ann, Onboarding.PASSWORD, "Sign in", "Username", "Password");
            browser.waitForPath("/");
            browser.button("Zoë O'Brien").click();
            browser.link("Manage Users").click();
            browser.waitForHeading("Manage Users");
            assertAccessible(browser, "Manage Users");
            WebElement own = browser.row(ann);
            assertFalse(browser.has(own, ".//a[@href]", "Delete Zoë O'Brien"), "no trash can on one's own row");
            assertTrue(browser.has(own, ".//a[@href]", "Edit Zoë O'Brien"));

            // New User -> Save: listed as Invited, and the invitation is mailed.
            browser.link("New User").click();
            WebElement input = browser.element("user-new");
            assertAccessible(browser, "Manage Users with the input row open");
            browser.screenshot("users-new-row-en-" + mode);
            browser.type(browser.field(input, "Username"), bob);
            browser.type(browser.field(input, "First Name"), "Bob");
            browser.type(browser.field(input, "Last Name"), "O'Brien");
            new Select(browser.field(input, "Time Zone")).selectByVisibleText("America/Vancouver");
            browser.field(input, "Billing Notifications").click();
            browser.button(input, "Save").click();
            browser.waitUntil("Bob is listed", () -> browser.hasRow(bob));
            WebElement bobRow = browser.row(bob);
            assertTrue(bobRow.getText().contains("Invited"), bobRow.getText());
            assertTrue(bobRow.getText().contains("America/Vancouver"), bobRow.getText());
            assertEquals("Yes", bobRow.findElement(By.cssSelector("td:nth-child(5) .visually-hidden"))
                    .getAttribute("textContent"), "the green checkmark's text");
            assertFalse(onboarding.latestToken(bob, "invitation").isBlank(), "the invitation is mailed");
            assertAccessible(browser, "Manage Users after adding a user");

            // The same username in another letter case: the exact message, next to the field, what was typed kept.
            browser.link("New User").click();
            WebElement again = browser.element("user-new");
            browser.type(browser.field(again, "Username"), bob.toUpperCase(java.util.Locale.ROOT));
            browser.type(browser.field(again, "First Name"), "Robert");
            browser.type(browser.field(again, "Last Name"), "Smith");
            browser.button(again, "Save").click();
            browser.waitUntil("the duplicate is refused", () -> !browser.driver()
                    .findElements(By.id("user-form-new-username-error")).isEmpty());
            assertEquals(TAKEN, browser.element("user-form-new-username-error").getText());
            WebElement refused = browser.element("user-new");
            assertEquals("Robert", browser.field(refused, "First Name").getAttribute("value"), "what was typed stays");
            assertTrue(refused.getText().contains("Acme Billing Support"), "support beside the message");
            assertAccessible(browser, "Manage Users with the duplicate-username error");
            assertFalse(browser.scrollsSideways(), "the input row with its error fits a desktop window");
            browser.screenshot("users-duplicate-en-" + mode);
            browser.button(refused, "Cancel").click();
            browser.waitUntil("the input row is gone", () -> browser.driver().findElements(By.id("user-new")).isEmpty());

            // The pencil turns the row into inputs; the username stays read-only; Save keeps the change.
            browser.button(browser.row(bob), "Edit Bob O'Brien").click();
            browser.waitUntil("the row is editable", () -> !browser.driver().findElements(By.cssSelector(
                    "tr.editing")).isEmpty());
            WebElement editing = browser.driver().findElement(By.cssSelector("tr.editing"));
            assertTrue(editing.getText().contains(bob), "the username is shown, read-only");
            assertTrue(editing.findElements(By.name("username")).isEmpty(), "and not editable");
            assertAccessible(browser, "Manage Users with a row being edited");
            browser.type(browser.field(editing, "First Name"), "Robert");
            browser.button(editing, "Save").click();
            browser.waitUntil("the row is saved", () -> browser.hasRow("Robert"));
            assertEquals(bob, browser.row("Robert").findElement(By.tagName("td")).getText());

            // The trash can asks first: No keeps the user, Yes deletes them.
            browser.button(browser.row(bob), "Delete Robert O'Brien").click();
            if (javascript) {
                browser.waitUntil("the dialog opens", () -> browser.element("delete-dialog")
                        .isDisplayed());
                assertTrue(browser.element("delete-dialog").getText()
                        .contains("Deleting a user cannot be undone without assistance from Acme Billing Support."));
                assertAccessible(browser, "the delete dialog");
                browser.screenshot("users-delete-dialog-en-js");
            } else {
                browser.waitForHeading("Delete Robert O'Brien?");
                assertAccessible(browser, "the delete question without JavaScript");
                browser.screenshot("users-delete-page-en-nojs");
            }
            browser.button("No").click();
            browser.waitUntil("back to the list", () -> browser.hasRow(bob));
            browser.button(browser.row(bob), "Delete Robert O'Brien").click();
            if (javascript) {
                browser.waitUntil("the dialog opens", () -> browser.element("delete-dialog")
                        .isDisplayed());
            }
            browser.button("Yes").click();
            browser.waitUntil("Robert is gone", () -> !browser.hasRow(bob));
            assertTrue(browser.element("status").getText().contains("deleted"),
                    browser.element("status").getText());
            JsonObject deleted = operatorUser(accountId, bob);
            assertEquals("DELETED", deleted.getString("status"));

            // A forged request to delete oneself is refused with the exact message.
            String annId = operatorUser(accountId, ann).getString("id");
            browser.open("/users/" + annId + "/delete");
            browser.waitForHeading("Manage Users");
            assertTrue(browser.element("alert").getText().contains(SELF),
                    browser.driver().getPageSource());
            assertEquals("ACTIVE", operatorUser(accountId, ann).getString("status"));
        }
    }

    @Test
    void everythingWorksFromTheKeyboardWithAVisibleFocus() {
        String ann = unique("ann");
        String accountId = newAccount(ann);
        onboarding.invite(onboarding.activate(accountId, null, ann), unique("cat"));
        try (Browser browser = Browser.start(api.base())) {
            browser.open("/sign-in");
            browser.focused().sendKeys(Keys.TAB); // the skip link
            assertEquals("Skip to main content", browser.focused().getText());
            WebElement username = browser.field("Username");
            username.sendKeys(ann, Keys.TAB, Onboarding.PASSWORD, Keys.ENTER);
            browser.waitForHeading("Account Dashboard");

            WebElement menu = browser.button("Zoë O'Brien");
            menu.sendKeys(Keys.ENTER);
            WebElement manage = browser.link("Manage Users");
            manage.sendKeys(Keys.ENTER);
            browser.waitForHeading("Manage Users");

            WebElement newUser = browser.link("New User");
            newUser.sendKeys(Keys.ENTER);
            browser.waitUntil("the input row, focused", () -> "username".equals(browser.focused()
                    .getAttribute("name")));
            assertTrue(browser.focusIsVisible(), "the focus can be seen");
            String dan = unique("dan");
            browser.focused().sendKeys(dan, Keys.TAB, "Dan", Keys.TAB, "Brown", Keys.ENTER);
            browser.waitUntil("Dan is listed", () -> browser.hasRow(dan));

            WebElement trash = browser.button(browser.row(dan), "Delete Dan Brown");
            trash.sendKeys(Keys.ENTER);
            browser.waitUntil("the dialog opens", () -> browser.element("delete-dialog")
                    .isDisplayed());
            assertEquals("No", browser.focused().getAccessibleName(), "focus moves into the dialog");
            browser.focused().sendKeys(Keys.TAB);
            browser.focused().sendKeys(Keys.TAB);
            assertTrue(isInsideDialog(browser), "focus stays inside the dialog");
            browser.focused().sendKeys(Keys.ESCAPE);
            browser.waitUntil("Escape answers No", () -> !browser.element("delete-dialog")
                    .isDisplayed());
            assertTrue(browser.hasRow(dan), "still listed");
            assertEquals("Delete Dan Brown", browser.focused().getAccessibleName(), "focus back on the trash can");
        }
    }

    @Test
    void theFrenchPagesUseTheFrenchNamesAndMessages() {
        String ann = unique("ann");
        String accountId = newAccount(ann);
        onboarding.activate(accountId, null, ann);
        String bob = unique("bob");
        try (Browser browser = Browser.start(api.base(), true, "fr-CA,fr", 1280, 900)) {
            browser.open("/sign-in");
            assertEquals("fr-CA", browser.driver().findElement(By.tagName("html")).getAttribute("lang"),
                    "before sign-in, the browser's language");
            assertAccessible(browser, "the French sign-in page");
            browser.screenshot("sign-in-fr-desktop");
            signIn(browser, ann, Onboarding.PASSWORD, "Se connecter", "Nom d'utilisateur", "Mot de passe");
            browser.waitForHeading("Account Dashboard");
            assertEquals("en-CA", browser.driver().findElement(By.tagName("html")).getAttribute("lang"),
                    "signed in, the user's own language");

            browser.button("Zoë O'Brien").click();
            browser.button("Français").click();
            browser.waitForHeading("Tableau de bord du compte");
            assertEquals("fr-CA", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
            assertEquals("fr-CA", operatorUser(accountId, ann).getString("language"), "saved as the user's language");
            assertAccessible(browser, "the French dashboard");
            browser.screenshot("dashboard-fr-desktop");

            browser.button("Zoë O'Brien").click();
            browser.link("Gérer les utilisateurs").click();
            browser.waitForHeading("Gérer les utilisateurs");
            browser.link("Nouvel utilisateur").click();
            WebElement input = browser.element("user-new");
            browser.type(browser.field(input, "Nom d'utilisateur"), bob);
            browser.type(browser.field(input, "Prénom"), "Bob");
            browser.type(browser.field(input, "Nom"), "Gagné");
            browser.button(input, "Enregistrer").click();
            browser.waitUntil("Bob is listed", () -> browser.hasRow(bob));
            assertTrue(browser.row(bob).getText().contains("Invité"));

            browser.link("Nouvel utilisateur").click();
            WebElement again = browser.element("user-new");
            browser.type(browser.field(again, "Nom d'utilisateur"), bob);
            browser.type(browser.field(again, "Prénom"), "Bob");
            browser.type(browser.field(again, "Nom"), "Gagné");
            browser.button(again, "Enregistrer").click();
            browser.waitUntil("the duplicate is refused", () -> !browser.driver()
                    .findElements(By.id("user-form-new-username-error")).isEmpty());
            assertEquals(TAKEN_FR, browser.element("user-form-new-username-error").getText());
            assertAccessible(browser, "the French duplicate-username error");
            browser.screenshot("users-duplicate-fr-js");
            browser.button(browser.element("user-new"), "Annuler").click();
            browser.waitUntil("the input row is gone", () -> browser.driver().findElements(By.id("user-new")).isEmpty());

            assertTrue(browser.has(browser.row(bob), ".//a[@href]", "Modifier Bob Gagné"));
            browser.button(browser.row(bob), "Supprimer Bob Gagné").click();
            browser.waitUntil("the dialog opens", () -> browser.element("delete-dialog")
                    .isDisplayed());
            assertTrue(browser.element("delete-dialog").getText().contains("Acme Billing Support"));
            browser.button("Non").click();
            assertTrue(browser.hasRow(bob));
            browser.fullPageScreenshot("users-fr-desktop");

            String annId = operatorUser(accountId, ann).getString("id");
            browser.open("/users/" + annId + "/delete");
            browser.waitForHeading("Gérer les utilisateurs");
            assertTrue(browser.element("alert").getText().contains(SELF_FR));
        }
    }

    /** A phone (375 px, both languages), and a window just wide enough to show tables as tables (1000 px). */
    @Test
    void atPhoneAndSmallWindowWidthsNothingScrollsSideways() {
        String ann = unique("a-rather-long-username-for-a-phone");
        String accountId = newAccount(ann);
        onboarding.invite(onboarding.activate(accountId, null, ann), unique("bob"));
        record Window(String languages, int width) {
        }
        for (Window window : List.of(new Window("en-CA,en", 375), new Window("fr-CA,fr", 375),
                new Window("fr-CA,fr", 1000))) {
            String lang = window.languages().substring(0, 2);
            int width = window.width();
            String at = " at " + width + " px";
            try (Browser browser = Browser.start(api.base(), true, window.languages(), width, 800)) {
                browser.open("/sign-in");
                assertFalse(browser.scrollsSideways(), "/sign-in" + at);
                browser.screenshot("sign-in-" + lang + "-" + width);
                signIn(browser, ann, Onboarding.PASSWORD, lang.equals("fr") ? "Se connecter" : "Sign in",
                        lang.equals("fr") ? "Nom d'utilisateur" : "Username",
                        lang.equals("fr") ? "Mot de passe" : "Password");
                // The dashboard, not the sign-in page still on screen: its language is the user's, not the browser's.
                browser.waitForPath("/");
                if (lang.equals("fr") && !"fr-CA".equals(browser.script("return document.documentElement.lang;"))) {
                    browser.button("Zoë O'Brien").click(); // the user's language, chosen once, stays chosen
                    browser.button("Français").click();
                    browser.waitUntil("the page in French", () -> "fr-CA".equals(
                            browser.script("return document.documentElement.lang;")));
                }
                assertFalse(browser.scrollsSideways(), "/" + at);
                browser.fullPageScreenshot("dashboard-" + lang + "-" + width);
                browser.open("/users");
                assertFalse(browser.scrollsSideways(), "/users" + at);
                assertAccessible(browser, "/users" + at);
                Object label = browser.script("return getComputedStyle(document.querySelector("
                        + "'#user-rows tr td:nth-child(2)'), '::before').content;");
                String firstName = lang.equals("fr") ? "\"Prénom\"" : "\"First Name\"";
                assertEquals(width < 960 ? firstName : "none", label, "the card's label for the first name" + at);
                browser.fullPageScreenshot("users-" + lang + "-" + width);
                browser.link(lang.equals("fr") ? "Nouvel utilisateur" : "New User").click();
                browser.waitUntil("the input row", () -> !browser.driver().findElements(By.id("user-new")).isEmpty());
                assertFalse(browser.scrollsSideways(), "/users with the input row" + at);
                browser.fullPageScreenshot("users-new-row-" + lang + "-" + width);
            }
        }
    }

    private static boolean isInsideDialog(Browser browser) {
        return Boolean.TRUE.equals(browser.script(
                "return document.getElementById('delete-dialog').contains(document.activeElement);"));
    }

    private JsonObject operatorUser(String accountId, String username) {
        Api.Reply users = api.get("/api/v1/operator/accounts/" + accountId + "/users?includeDeleted=true",
                TestPortal.OPERATOR_TOKEN);
        return users.json().getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(user -> user.getString("username").equals(username)).findFirst().orElseThrow();
    }
}
