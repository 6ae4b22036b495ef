package dev.billingportal.adapter.in.rest.user;

import dev.billingportal.domain.user.PortalUser;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PortalUserList")
public record UsersResponse(List<PortalUserResponse> items) {
    public static UsersResponse of(List<PortalUser> users) {
        return new UsersResponse(users.stream().map(PortalUserResponse::of).toList());
    }
}
