package dev.billingportal.adapter.in.rest.access;

import dev.billingportal.adapter.in.rest.request.JsonFields;
import dev.billingportal.application.port.in.access.LogInCommand;
import dev.billingportal.application.port.in.access.RequestPasswordResetCommand;
import dev.billingportal.application.port.in.access.SetPasswordCommand;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.access.Password;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the sign-in endpoints. */
public final class AuthRequests {
    private AuthRequests() {
    }

    @Schema(name = "LoginRequest")
    public record LoginRequest(@Schema(required = true) String username, @Schema(required = true) String password) {
        @Override
        public String toString() {
            return "LoginRequest[username=" + username + ", password=hidden]";
        }
    }

    @Schema(name = "SetPasswordRequest", description = "A token from an invitation or reset link, and the new password")
    public record SetPasswordRequest(@Schema(required = true) String token,
                                     @Schema(required = true, minLength = Password.MIN_LENGTH) String password) {
        @Override
        public String toString() {
            return "SetPasswordRequest[hidden]";
        }
    }

    @Schema(name = "PasswordResetRequest")
    public record ResetRequest(@Schema(required = true) String username) {
    }

    @Schema(name = "AccessToken")
    public record TokenResponse(String accessToken, @Schema(example = "Bearer") String tokenType,
                                @Schema(description = "Seconds until the session ends", example = "28800") long expiresIn) {
        @Override
        public String toString() {
            return "TokenResponse[hidden]";
        }
    }

    static LogInCommand login(JsonFields fields) {
        return fields.command(() -> LogInCommand.of(fields.string("username"), fields.string("password"),
                SessionChannel.API));
    }

    static SetPasswordCommand setPassword(JsonFields fields) {
        return fields.command(() -> SetPasswordCommand.of(fields.string("token"), fields.string("password")));
    }

    static RequestPasswordResetCommand resetFor(JsonFields fields) {
        return fields.command(() -> RequestPasswordResetCommand.of(fields.string("username")));
    }
}
