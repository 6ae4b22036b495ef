package dev.billingportal.adapter.in.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.billingportal.domain.user.Language;
import org.junit.jupiter.api.Test;

/** Both languages say everything (spec §9), with the exact words the spec gives. */
class TextsTest {
    private final Texts en = Texts.of(Language.EN_CA);
    private final Texts fr = Texts.of(Language.FR_CA);

    @Test
    void bothBundlesHaveTheSameKeysAndNoBlankText() {
        assertEquals(en.keys(), fr.keys(), "a key missing in one language");
        for (String key : en.keys()) {
            assertFalse(en.get(key).isBlank(), "en-CA " + key);
            assertFalse(fr.get(key).isBlank(), "fr-CA " + key);
        }
    }

    @Test
    void theSpecsNamesAndMessagesAreExact() {
        assertEquals("The username already exists. Please use a different username.", en.get("users.taken"));
        assertEquals("Le nom d'utilisateur existe déjà. Veuillez utiliser un autre nom d'utilisateur.",
                fr.get("users.taken"));
        assertEquals("You cannot delete your own Billing Portal user.", en.get("users.cannotDeleteSelf"));
        assertEquals("Vous ne pouvez pas supprimer votre propre utilisateur du portail de facturation.",
                fr.get("users.cannotDeleteSelf"));
        assertEquals("Edit Zoë O'Brien", en.get("users.edit", "Zoë", "O'Brien"));
        assertEquals("Modifier Zoë O'Brien", fr.get("users.edit", "Zoë", "O'Brien"));
        assertEquals("Supprimer Zoë O'Brien", fr.get("users.delete", "Zoë", "O'Brien"));
        assertEquals("Deleting a user cannot be undone without assistance from the billing team.",
                en.get("users.deleteWarning", en.get("support.defaultName")));
        assertEquals(java.util.List.of("New User", "Manage Users", "Save", "Cancel", "Yes", "No", "Sign in",
                "Sign out", "Français"), java.util.List.of(en.get("users.new"), en.get("menu.users"),
                en.get("users.save"), en.get("users.cancel"), en.get("users.yesDelete"), en.get("users.noKeep"),
                en.get("signin.submit"), en.get("menu.signOut"), en.get("menu.otherLanguage")));
        assertEquals(java.util.List.of("Nouvel utilisateur", "Gérer les utilisateurs", "Enregistrer", "Annuler",
                "Oui", "Non", "Se connecter", "Se déconnecter", "English"), java.util.List.of(fr.get("users.new"),
                fr.get("menu.users"), fr.get("users.save"), fr.get("users.cancel"), fr.get("users.yesDelete"),
                fr.get("users.noKeep"), fr.get("signin.submit"), fr.get("menu.signOut"), fr.get("menu.otherLanguage")));
    }

    @Test
    void anArgumentIsInsertedAsItIsNotInterpreted() {
        assertEquals("Delete {1} <b>'x'</b>?", en.get("users.deleteQuestion", "{1} <b>'x'</b>"));
    }
}
