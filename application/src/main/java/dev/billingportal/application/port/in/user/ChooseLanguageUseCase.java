package dev.billingportal.application.port.in.user;

import dev.billingportal.domain.user.PortalUser;

public interface ChooseLanguageUseCase {

    /** Saves the language as the user's own (spec §9's language switch); returns the user as saved. */
    PortalUser choose(ChooseLanguageCommand command);
}
