package dev.billingportal.domain.failure;

/**
 * A sensitive action asked a person for a fresh second factor (spec §11: step-up), and theirs is older than five
 * minutes. Nothing was changed; proving the factor again and repeating the request succeeds.
 */
public final class StepUpRequired extends PortalFailure {
    public static final String MESSAGE = "Confirm it is you: enter a code from your authenticator or use a passkey.";

    public StepUpRequired() {
        super(MESSAGE);
    }

    @Override
    public String code() {
        return "step-up-required";
    }
}
