package dev.billingportal.domain.failure;

/**
 * A single value broke its own rule (e.g. a name with a line break). Value objects throw it without
 * knowing which request field they came from; whoever reads the request names the field.
 */
public final class InvalidValue extends PortalFailure {
    public InvalidValue(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "invalid-value";
    }
}
