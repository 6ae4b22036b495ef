package dev.billingportal.domain.failure;

/** The action does not fit the resource's current state (restoring a user who is not deleted...). */
public final class StateConflict extends PortalFailure {
    private final String code;

    public StateConflict(String code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
