package dev.billingportal.adapter.out.persistence;

import java.util.Objects;

/** How to reach the database: {@code portal.db.url}, {@code .user}, {@code .password}, and the pool size. */
public record DatabaseSettings(String url, String user, String password, int maxPoolSize) {
    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be positive");
        }
    }

    /**
     * Of the pool size, the connections for the plain reads ({@link Database#reads()}): a quarter. They are idle while
     * the units of work are busy and the other way round. Below 4 there is none: the reads share the units of work's
     * connections, which a migration needs two of.
     */
    public int readPoolSize() {
        return maxPoolSize / 4;
    }

    /** The rest of the pool size: the connections of the units of work ({@link Database#dataSource()}). */
    public int unitOfWorkPoolSize() {
        return maxPoolSize - readPoolSize();
    }

    /** Passwords must not reach logs. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
