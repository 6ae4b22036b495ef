package dev.billingportal.adapter.in.rest.access;

import dev.billingportal.adapter.in.rest.request.JsonBody;
import dev.billingportal.adapter.in.rest.request.JsonFields;
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

    record Login(String username, String password) {
        @Override
        public String toString() {
            return "Login[hidden]";
        }
    }

    record SetPassword(String token, Password password) {
    }

    static Login login(JsonBody body) {
        JsonFields fields = body.fields();
        String username = fields.string("username");
        String password = fields.string("password");
        fields.validate();
        return new Login(username, password);
    }

    static SetPassword setPassword(JsonBody body) {
        JsonFields fields = body.fields();
        String token = fields.string("token");
        Password password = fields.value("password", Password::of);
        fields.validate();
        return new SetPassword(token, password);
    }

    static String resetFor(JsonBody body) {
        JsonFields fields = body.fields();
        String username = fields.string("username");
        fields.validate();
        return username;
    }
}
