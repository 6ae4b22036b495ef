package dev.billingportal.application.port.in.access;

/**
 * The kinds of caller a token can stand for. Each inbound adapter says which it accepts, and a token of any
 * other kind authenticates nobody there: the operator API takes keys and portal users' API sessions (to refuse them
 * with 403), never a console session; the customers' pages take their cookie only; the console its own.
 */
public enum CallerKind {
    /** The installation key (spec §8): set-up, with the admin role; can be switched off. */
    INSTALLATION_KEY,
    /** An integration's named API key (spec §11). */
    API_KEY,
    /** A portal user signed in through the API (a bearer token). */
    API_SESSION,
    /** A portal user signed in on the web pages (a session cookie). */
    WEB_SESSION,
    /** An operator signed in to the console with their second factor (the console's cookie). */
    CONSOLE_SESSION
}
