package dev.billingportal.application.port.out;

import dev.billingportal.application.port.out.Sessions.StoredSession;
import java.util.Optional;

/**
 * A portal user's session read on its own, outside any unit of work: almost every request's session only needs
 * reading (a use is recorded at most once a minute), so most requests open no unit of work to be let in.
 */
public interface SessionReads {

    /** The session, if it exists and its user is {@code ACTIVE} right now (as {@link Sessions#find}). */
    Optional<StoredSession> find(String tokenHash);
}
