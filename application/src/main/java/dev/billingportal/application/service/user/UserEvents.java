package dev.billingportal.application.service.user;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.notification.EventFacts;
import dev.billingportal.domain.user.PortalUser;
import java.util.Map;

/** The facts of a "user added" or "user deleted" billing notification. */
final class UserEvents {
    private UserEvents() {
    }

    static Map<String, String> facts(PortalUser subject, Actor actor) {
        return Map.of(
                EventFacts.SUBJECT_USER_ID, subject.id().toString(),
                EventFacts.SUBJECT_USERNAME, subject.username().value(),
                EventFacts.SUBJECT_FIRST_NAME, subject.firstName().value(),
                EventFacts.SUBJECT_LAST_NAME, subject.lastName().value(),
                EventFacts.ACTOR, actor.label());
    }
}
