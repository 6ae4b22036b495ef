package dev.billingportal.adapter.in.web.frame;

import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.application.port.in.access.SetPasswordCommand;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.InvalidToken;
import java.util.Map;

/**
 * The answer to a form that sets a password from an e-mailed link — an invitation or a reset, a portal user's or an
 * operator's: the password twice, then the link used; a refused password shown beside its field, a used, expired or
 * unknown link said once, alike.
 */
public final class PasswordLinkForm {

    /** Uses the link; what follows a success (a session, a redirect) is the site's. */
    @FunctionalInterface
    public interface Use {
        void use(SetPasswordCommand command);
    }

    /** Shows the form again: {@code usable} false when the link no longer works. */
    @FunctionalInterface
    public interface Again {
        void show(WebExchange exchange, int status, String token, boolean usable, Map<String, String> errors);
    }

    private PasswordLinkForm() {
    }

    public static void submit(WebExchange exchange, Texts t, Use use, Again again) {
        String token = exchange.form().first("token").orElse("");
        String password = exchange.form().first("password").orElse("");
        if (!password.equals(exchange.form().first("confirmation").orElse(""))) {
            again.show(exchange, 422, token, true, Map.of("confirmation", t.get("password.mismatch")));
            return;
        }
        try {
            use.use(SetPasswordCommand.of(token, password));
        } catch (InvalidInput invalid) {
            again.show(exchange, 422, token, true, Frame.fieldMessages(t, invalid.errors()));
        } catch (InvalidToken expired) {
            again.show(exchange, 410, token, false, Map.of());
        }
    }
}
