package dev.billingportal.application.port.in.apikey;

public interface CreateApiKeyUseCase {

    /** Makes the key; its secret is in the answer only. Administrators only, with step-up; admins are told. */
    CreatedApiKey create(CreateApiKeyCommand command);
}
