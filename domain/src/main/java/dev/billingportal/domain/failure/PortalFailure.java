package dev.billingportal.domain.failure;

/**
 * Every expected way a request can fail, as one sealed hierarchy with stable codes.
 *
 * <p>The REST adapter maps each subtype to one RFC 9457 problem with a fixed status; because the
 * hierarchy is sealed, its {@code switch} is checked by the compiler for completeness. These are
 * business outcomes, not bugs, so they carry no stack trace.
 */
public sealed abstract class PortalFailure extends RuntimeException
        permits InvalidValue, InvalidInput, RuleViolation, NotFound, UsernameTaken, CannotDeleteOwnUser,
        StateConflict, VersionMismatch, AuthenticationFailed, AccessDenied, TooManyAttempts, InvalidToken,
        TemporarilyUnavailable, InputTooLarge, StepUpRequired {

    protected PortalFailure(String message) {
        super(message, null, false, false);
    }

    /** A stable, machine-readable code; it ends up in the problem's {@code type}. */
    public abstract String code();
}
