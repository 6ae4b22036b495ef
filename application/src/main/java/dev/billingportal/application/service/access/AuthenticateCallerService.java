package dev.billingportal.application.service.access;

import dev.billingportal.application.port.in.access.AuthenticateCallerQuery;
import dev.billingportal.application.port.in.access.CallerKind;
import dev.billingportal.application.port.in.access.CallerToken;
import dev.billingportal.application.port.out.ApiKeys;
import dev.billingportal.application.port.out.ConsoleSessions;
import dev.billingportal.application.port.out.SessionReads;
import dev.billingportal.application.port.out.Sessions;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ConsoleStage;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.access.SessionTimeouts;
import dev.billingportal.domain.operator.ApiKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a token to its caller — only to a kind of caller the asking adapter accepts. The installation key is
 * compared in constant time; an API key, a session and a console session are looked up by the token's SHA-256. A
 * session works until its absolute lifetime or its idle timeout ends, whichever is first; a key until it is revoked,
 * expires, or its secret's rotation grace ends. A live session that needs no use recorded is read alone
 * ({@link SessionReads}): most requests open no unit of work to be let in.
 */
public final class AuthenticateCallerService implements AuthenticateCallerQuery {
    /** Longer than any token the portal issues: a longer one is refused before it is hashed or looked up. */
    static final int MAX_TOKEN_LENGTH = 512;

    /** The installation key's stored form ({@link SecretTokens#hash}): the presented token is hashed once for all. */
    private final Optional<String> installationKeyHash;
    private final UnitOfWork unitOfWork;
    private final Sessions sessions;
    private final SessionReads sessionReads;
    private final ConsoleSessionLookup consoleSessions;
    private final ApiKeys apiKeys;
    private final Map<SessionChannel, SessionTimeouts> timeouts;
    private final Clock clock;

    /** @param installationKey the installation key, or empty where it is switched off */
    public AuthenticateCallerService(Optional<String> installationKey, UnitOfWork unitOfWork, Sessions sessions,
                                     SessionReads sessionReads, ConsoleSessions consoleSessions, ApiKeys apiKeys,
                                     Map<SessionChannel, SessionTimeouts> timeouts, SessionTimeouts consoleTimeouts,
                                     Clock clock) {
        Objects.requireNonNull(installationKey, "installationKey");
        if (installationKey.isPresent() && installationKey.get().length() < 16) {
            throw new IllegalArgumentException("The installation key must be at least 16 characters long");
        }
        this.installationKeyHash = installationKey.map(SecretTokens::hash);
        this.unitOfWork = unitOfWork;
        this.sessions = sessions;
        this.sessionReads = sessionReads;
        this.consoleSessions = new ConsoleSessionLookup(consoleSessions, consoleTimeouts);
        this.apiKeys = apiKeys;
        this.timeouts = Map.copyOf(timeouts);
        for (SessionChannel channel : SessionChannel.values()) {
            Objects.requireNonNull(this.timeouts.get(channel), "timeouts of " + channel);
        }
        this.clock = clock;
    }

    @Override
    public Optional<Actor> authenticate(CallerToken presented) {
        String token = presented.token();
        Set<CallerKind> accepted = presented.accepted();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String tokenHash = SecretTokens.hash(token);
        if (accepted.contains(CallerKind.INSTALLATION_KEY) && installationKeyHash.isPresent()
                && SecretTokens.sameHash(tokenHash, installationKeyHash.get())) {
            return Optional.of(Actor.INSTALLATION);
        }
        boolean api = accepted.contains(CallerKind.API_SESSION);
        boolean web = accepted.contains(CallerKind.WEB_SESSION);
        boolean key = accepted.contains(CallerKind.API_KEY) && ApiKey.looksLikeKey(token);
        boolean console = accepted.contains(CallerKind.CONSOLE_SESSION);
        if (!api && !web && !key && !console) {
            return Optional.empty();
        }
        if (key) {
            return unitOfWork.inTransaction(() -> apiKey(tokenHash, clock.instant()));
        }
        if (api || web) {
            Optional<Sessions.StoredSession> read = sessionReads.find(tokenHash)
                    .filter(session -> accepts(session, api, web));
            if (read.isPresent()) {
                if (liveAsItStands(read.get(), clock.instant())) {
                    return Optional.of(actor(read.get()));
                }
                // Timed out (closed now) or due a recorded use: in a unit of work, as it stands by then.
                Optional<Actor> found = unitOfWork.inTransaction(() -> portalUser(tokenHash, api, web,
                        clock.instant()));
                if (found.isPresent()) {
                    return found;
                }
            }
            if (!console) {
                return Optional.empty();
            }
        }
        return unitOfWork.inTransaction(() -> operator(tokenHash, clock.instant())); // console: the one kind left
    }

    /** Whether the session works now without a use to record: nothing to write, so nothing else to read. */
    private boolean liveAsItStands(Sessions.StoredSession session, Instant now) {
        SessionTimeouts rules = timeouts.get(session.channel());
        return rules.isLive(session.expiresAt(), session.lastUsedAt(), now)
                && !rules.shouldTouch(session.lastUsedAt(), now);
    }

    private static boolean accepts(Sessions.StoredSession session, boolean api, boolean web) {
        return session.channel() == SessionChannel.API ? api : web;
    }

    private static Actor actor(Sessions.StoredSession session) {
        return new Actor.PortalUserActor(session.owner().userId(), session.owner().accountId(),
                session.owner().username());
    }

    private Optional<Actor> apiKey(String secretHash, Instant now) {
        return apiKeys.findBySecret(secretHash, now)
                .filter(found -> found.isUsable(now))
                .map(found -> {
                    if (found.shouldRecordUse(now)) {
                        apiKeys.touch(found.id(), now);
                    }
                    return new Actor.ApiKeyActor(found.id(), found.name(), found.role());
                });
    }

    private Optional<Actor> portalUser(String tokenHash, boolean api, boolean web, Instant now) {
        return sessions.find(tokenHash)
                .filter(session -> accepts(session, api, web))
                .filter(session -> live(tokenHash, session, now))
                .map(AuthenticateCallerService::actor);
    }

    /** Whether the session still works; a use is recorded, a timed-out session removed. */
    private boolean live(String tokenHash, Sessions.StoredSession session, Instant now) {
        SessionTimeouts rules = timeouts.get(session.channel());
        if (!rules.isLive(session.expiresAt(), session.lastUsedAt(), now)) {
            sessions.close(tokenHash);
            return false;
        }
        if (rules.shouldTouch(session.lastUsedAt(), now)) {
            sessions.touch(tokenHash, now);
        }
        return true;
    }

    /** An operator's console session, once both steps of the sign-in are done. */
    private Optional<Actor> operator(String tokenHash, Instant now) {
        return consoleSessions.liveByHash(tokenHash, now)
                .map(ConsoleSessionLookup.Found::session)
                .filter(session -> session.stage() == ConsoleStage.FULL)
                .map(session -> new Actor.OperatorActor(session.owner().id(), session.owner().name(),
                        session.owner().role(), session.secondFactorAt().orElseThrow()));
    }
}
