package dev.billingportal.domain.access;

import java.util.Locale;

/** The kinds of actor an audit entry names (spec §11): who, by kind. */
public enum ActorKind {
    PORTAL_USER, OPERATOR, API_KEY, INSTALLATION, SYSTEM;

    /** As the provider's audit writes it: {@code portal_user}, {@code api_key}… */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The provider's side: a person of the billing team, an integration's key or the installation key. */
    public boolean isProvider() {
        return this == OPERATOR || this == API_KEY || this == INSTALLATION;
    }
}
