package dev.billingportal.application.port.in.apikey;

public interface RevokeApiKeyUseCase {

    /** Ends the key at once, its rotated-out secrets too. Administrators only; admins are told. */
    void revoke(ApiKeyCommand command);
}
