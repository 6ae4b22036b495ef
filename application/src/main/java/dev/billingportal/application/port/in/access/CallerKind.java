package dev.billingportal.application.port.in.access;

/**
 * The kinds of caller a token can stand for. Each inbound adapter says which it accepts, and a token of any
 * other kind authenticates nobody there — the web pages never accept the operator's token nor an API session.
 */
public enum CallerKind {
    /** The provider's operators, by the configured operator token. */
    OPERATOR,
    /** A portal user signed in through the API (a bearer token). */
    API_SESSION,
    /** A portal user signed in on the web pages (a session cookie). */
    WEB_SESSION
}
