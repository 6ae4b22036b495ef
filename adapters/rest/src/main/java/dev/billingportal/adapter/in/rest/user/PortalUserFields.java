package dev.billingportal.adapter.in.rest.user;

import dev.billingportal.adapter.in.rest.request.JsonFields;
import dev.billingportal.application.port.in.user.NewPortalUserInput;

/** Reads a new portal user's fields (spec §3), wherever they appear in a request. */
public final class PortalUserFields {
    private PortalUserFields() {
    }

    public static NewPortalUserInput newUser(JsonFields fields) {
        return new NewPortalUserInput(fields.string("username"), fields.string("email"), fields.string("firstName"),
                fields.string("lastName"), fields.string("timeZone"), fields.flag("billingNotifications"),
                fields.string("language"));
    }
}
