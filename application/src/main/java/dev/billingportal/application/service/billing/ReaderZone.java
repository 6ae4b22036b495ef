package dev.billingportal.application.service.billing;

import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.domain.access.Actor;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Dates are the reader's: a portal user's own time zone; UTC for operators. */
final class ReaderZone {
    private ReaderZone() {
    }

    static ZoneId of(Actor actor, PortalUsers users) {
        if (actor instanceof Actor.PortalUserActor user) {
            return users.find(user.userId()).map(found -> found.timeZone()).orElse(ZoneOffset.UTC);
        }
        return ZoneOffset.UTC;
    }
}
