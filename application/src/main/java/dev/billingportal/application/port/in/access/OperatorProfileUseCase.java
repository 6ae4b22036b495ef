package dev.billingportal.application.port.in.access;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.operator.PasskeyCredential;
import dev.billingportal.domain.user.Language;
import java.util.List;

public interface OperatorProfileUseCase {

    /** The signed-in operator, their passkeys and how many recovery codes they have left. */
    record Profile(Operator operator, List<PasskeyCredential> passkeys, int recoveryCodesLeft) {
        public Profile {
            passkeys = List.copyOf(passkeys);
        }
    }

    Profile profile(Actor operator);

    /** The signed-in operator alone (their name, language and zone, for every page of the console). */
    Operator operator(Actor operator);

    /** Changes the operator's own password: the current one is asked first. Other sessions end. */
    void changePassword(String sessionToken, String currentPassword, String newPassword);

    /** The operator's language for the console and their mails. */
    void chooseLanguage(Actor operator, Language language);
}
