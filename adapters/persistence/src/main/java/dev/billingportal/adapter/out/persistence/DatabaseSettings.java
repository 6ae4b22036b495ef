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
     * Of the pool size, the connections for the plain reads ({@link Database#reads()}): a quarter, at least one. They
     * are idle while the units of work are busy and the other way round, so a process stays within its size (but for
     * a size of 1: one connection of each kind).
     */
    public int readPoolSize() {
        return Math.max(1, maxPoolSize / 4);
    }

    /** The rest of the pool size: the connections of the units of work ({@link Database#dataSource()}). */
    public int unitOfWorkPoolSize() {
        return Math.max(1, maxPoolSize - readPoolSize());
    }

    /** Passwords must not reach logs. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
