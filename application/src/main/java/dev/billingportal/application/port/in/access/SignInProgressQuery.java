package dev.billingportal.application.port.in.access;

import java.util.Optional;

public interface SignInProgressQuery {

    /**
     * Where a console sign-in stands for the token a browser holds: half-way (a second factor to give or to enrol),
     * or nothing — unknown, ended, or a full session, which {@link AuthenticateCallerQuery} answers for.
     */
    Optional<SignInProgress> halfWay(String token);
}
