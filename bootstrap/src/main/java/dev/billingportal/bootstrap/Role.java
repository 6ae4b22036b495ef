package dev.billingportal.bootstrap;

import java.util.Locale;

/** Which parts run in this process ({@code portal.role}): everything, only the HTTP API, or only the workers. */
public enum Role {
    ALL, API, WORKER;

    public static Role parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("portal.role must be all, api or worker, not '" + value + "'");
        }
    }

    public boolean servesApi() {
        return this != WORKER;
    }

    public boolean runsWorkers() {
        return this != API;
    }
}
