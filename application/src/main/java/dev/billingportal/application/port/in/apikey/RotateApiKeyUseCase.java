package dev.billingportal.application.port.in.apikey;

public interface RotateApiKeyUseCase {

    /** A new secret under the same name and role; the old one works until the grace ends. Admins, step-up. */
    CreatedApiKey rotate(RotateApiKeyCommand command);
}
