package dev.billingportal.adapter.in.web.console;

import dev.billingportal.adapter.in.web.frame.Frame;
import dev.billingportal.adapter.in.web.frame.PathIds;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.ApiKeysView;
import dev.billingportal.adapter.in.web.view.OperatorsView;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.application.port.in.apikey.ApiKeyCommand;
import dev.billingportal.application.port.in.apikey.CreateApiKeyCommand;
import dev.billingportal.application.port.in.apikey.CreateApiKeyUseCase;
import dev.billingportal.application.port.in.apikey.CreatedApiKey;
import dev.billingportal.application.port.in.apikey.ListApiKeysQuery;
import dev.billingportal.application.port.in.apikey.RevokeApiKeyUseCase;
import dev.billingportal.application.port.in.apikey.RotateApiKeyCommand;
import dev.billingportal.application.port.in.apikey.RotateApiKeyUseCase;
import dev.billingportal.domain.access.ApiKeyId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.operator.ApiKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /console/api-keys} (administrators, spec §11, §12): create a key (shown once, with a copy button), rotate it
 * (the old secret works for the grace), revoke it; each key's last use. Creating and rotating ask for a fresh second
 * factor first. The page that shows a new key is the answer to the POST itself — never a page one can reload.
 */
public final class ApiKeysPage {
    static final String PATH = "/console/api-keys";

    private final Console console;
    private final ListApiKeysQuery keys;
    private final CreateApiKeyUseCase create;
    private final RotateApiKeyUseCase rotate;
    private final RevokeApiKeyUseCase revoke;

    public ApiKeysPage(Console console, ListApiKeysQuery keys, CreateApiKeyUseCase create, RotateApiKeyUseCase rotate,
                       RevokeApiKeyUseCase revoke) {
        this.console = console;
        this.keys = keys;
        this.create = create;
        this.rotate = rotate;
        this.revoke = revoke;
    }

    public void show(WebExchange exchange, Console.Visit visit) {
        Optional<String> notice = exchange.query("notice").filter("revoked"::equals)
                .map(ignored -> visit.t().get("console.keys.notice.revoked"));
        render(exchange, visit, 200, Map.of(), Map.of(), Optional.empty(), notice);
    }

    public void create(WebExchange exchange, Console.Visit visit) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : List.of("name", "role", "expires")) {
            typed.put(field, exchange.form().first(field).orElse("").strip());
        }
        CreatedApiKey created;
        try {
            created = create.create(CreateApiKeyCommand.of(visit.actor(), typed.get("name"), typed.get("role"),
                    expiry(typed.get("expires"), visit)));
        } catch (InvalidInput invalid) {
            Map<String, String> errors = new LinkedHashMap<>(Frame.fieldMessages(visit.t(), invalid.errors()));
            if (errors.containsKey("expiresAt")) {
                errors.put("expires", visit.t().get("console.keys.expiresInvalid"));
            }
            render(exchange, visit, 422, typed, errors, Optional.empty(), Optional.empty());
            return;
        }
        render(exchange, visit, 201, Map.of(), Map.of(), Optional.of(new ApiKeysView.Shown(created.key().name(),
                created.secret())), Optional.empty());
    }

    /** A date typed as YYYY-MM-DD: the key works through that day in the operator's zone. */
    private static String expiry(String typed, Console.Visit visit) {
        if (typed.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(typed).plusDays(1).atStartOfDay(visit.formats().zone()).toInstant().toString();
        } catch (DateTimeParseException notADate) {
            return typed; // the command says what is wrong with it
        }
    }

    public void rotate(WebExchange exchange, Console.Visit visit) {
        ApiKeyId key = key(exchange);
        Integer grace = exchange.form().first("graceHours").filter(hours -> hours.matches("\\d{1,3}"))
                .map(Integer::valueOf).orElse(null);
        CreatedApiKey rotated = rotate.rotate(RotateApiKeyCommand.of(visit.actor(), key, grace));
        render(exchange, visit, 200, Map.of(), Map.of(), Optional.of(new ApiKeysView.Shown(rotated.key().name(),
                rotated.secret())), Optional.empty());
    }

    public void revoke(WebExchange exchange, Console.Visit visit) {
        revoke.revoke(new ApiKeyCommand(visit.actor(), key(exchange)));
        exchange.redirect(PATH + "?notice=revoked");
    }

    private void render(WebExchange exchange, Console.Visit visit, int status, Map<String, String> typed,
                        Map<String, String> errors, Optional<ApiKeysView.Shown> shown, Optional<String> notice) {
        Texts t = visit.t();
        Instant now = Instant.now();
        List<ApiKeysView.Row> rows = keys.list(visit.actor()).stream().map(key -> row(visit, key, now)).toList();
        List<OperatorsView.Choice> roles = Arrays.stream(OperatorRole.values())
                .map(role -> new OperatorsView.Choice(role.name().toLowerCase(Locale.ROOT),
                        t.get("console.role." + role.name().toLowerCase(Locale.ROOT)))).toList();
        console.page(exchange, status, "console/apikeys.jte", new ApiKeysView(console.chrome(visit,
                "console.keys.title", "api-keys"), rows, roles, typed, errors, shown, notice));
    }

    private static ApiKeysView.Row row(Console.Visit visit, ApiKey key, Instant now) {
        Texts t = visit.t();
        boolean usable = key.isUsable(now); // the domain's rule: neither revoked nor expired
        String state = usable ? "active" : key.revokedAt().isPresent() ? "revoked" : "expired";
        return new ApiKeysView.Row(key.id().value().toString(), key.name(),
                t.get("console.role." + key.role().name().toLowerCase(Locale.ROOT)), key.prefix(),
                t.get("console.keys.createdBy", visit.formats().dateTime(key.createdAt()), key.createdBy().name()),
                key.expiresAt().map(visit.formats()::dateTime).orElse(t.get("console.keys.never")),
                key.lastUsedAt().map(visit.formats()::dateTime).orElse(t.get("console.keys.notUsed")),
                t.get("console.keys.state." + state), "badge--" + state, usable);
    }

    private static ApiKeyId key(WebExchange exchange) {
        return new ApiKeyId(PathIds.of(exchange, "keyId", "The API key"));
    }
}
