package dev.billingportal.adapter.in.web.console;

import dev.billingportal.adapter.in.web.frame.Frame;
import dev.billingportal.adapter.in.web.frame.PathIds;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.OperatorsView;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.application.port.in.operator.ChangeOperatorRoleCommand;
import dev.billingportal.application.port.in.operator.ChangeOperatorRoleUseCase;
import dev.billingportal.application.port.in.operator.DisableOperatorUseCase;
import dev.billingportal.application.port.in.operator.InviteOperatorCommand;
import dev.billingportal.application.port.in.operator.InviteOperatorUseCase;
import dev.billingportal.application.port.in.operator.ListOperatorsQuery;
import dev.billingportal.application.port.in.operator.OperatorCommand;
import dev.billingportal.application.port.in.operator.ReinviteOperatorUseCase;
import dev.billingportal.application.port.in.operator.ResetSecondFactorUseCase;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.operator.OperatorStatus;
import dev.billingportal.domain.user.Language;
import dev.billingportal.domain.user.TimeZones;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /console/operators} (administrators, spec §11, §12): invite an operator, give one another role (with a
 * reason), disable one, reset one's second factor, send a new invitation. Inviting, re-roling and resetting ask for
 * a fresh second factor first; the last active administrator can neither be disabled nor lose the role.
 */
public final class OperatorsPage {
    static final String PATH = "/console/operators";
    private static final List<String> INVITE_FIELDS = List.of("email", "name", "role", "language", "timeZone");

    private final Console console;
    private final ListOperatorsQuery operators;
    private final InviteOperatorUseCase invite;
    private final ChangeOperatorRoleUseCase changeRole;
    private final DisableOperatorUseCase disable;
    private final ResetSecondFactorUseCase resetSecondFactor;
    private final ReinviteOperatorUseCase reinvite;

    public OperatorsPage(Console console, ListOperatorsQuery operators, InviteOperatorUseCase invite,
                         ChangeOperatorRoleUseCase changeRole, DisableOperatorUseCase disable,
                         ResetSecondFactorUseCase resetSecondFactor, ReinviteOperatorUseCase reinvite) {
        this.console = console;
        this.operators = operators;
        this.invite = invite;
        this.changeRole = changeRole;
        this.disable = disable;
        this.resetSecondFactor = resetSecondFactor;
        this.reinvite = reinvite;
    }

    public void show(WebExchange exchange, Console.Visit visit) {
        Optional<String> notice = exchange.query("notice").filter(code -> code.matches("[a-z-]{1,30}"))
                .filter(code -> visit.t().has("console.operators.notice." + code))
                .map(code -> visit.t().get("console.operators.notice." + code));
        render(exchange, visit, 200, Map.of(), Map.of(), notice);
    }

    public void invite(WebExchange exchange, Console.Visit visit) {
        Map<String, String> typed = new LinkedHashMap<>();
        INVITE_FIELDS.forEach(field -> typed.put(field, exchange.form().first(field).orElse("")));
        try {
            invite.invite(InviteOperatorCommand.of(visit.actor(), typed.get("email"), typed.get("name"),
                    typed.get("role"), typed.get("language"), typed.get("timeZone")));
        } catch (InvalidInput invalid) {
            render(exchange, visit, 422, typed, Frame.fieldMessages(visit.t(), invalid.errors()), Optional.empty());
            return;
        } catch (StateConflict taken) {
            if (!"operator-email-taken".equals(taken.code())) {
                throw taken;
            }
            render(exchange, visit, 409, typed, Map.of("email", visit.t().get("console.operators.emailTaken")),
                    Optional.empty());
            return;
        }
        exchange.redirect(PATH + "?notice=invited");
    }

    public void changeRole(WebExchange exchange, Console.Visit visit) {
        OperatorId operator = operator(exchange);
        String reason = exchange.form().first("reason").orElse("").strip();
        if (reason.isEmpty()) {
            refuseRow(exchange, visit, operator, "console.account.reasonRequired");
            return;
        }
        try {
            changeRole.changeRole(ChangeOperatorRoleCommand.of(visit.actor(), operator,
                    exchange.form().first("role").orElse(""), reason));
        } catch (InvalidInput invalid) {
            refuseRow(exchange, visit, operator, "console.account.reasonRequired");
            return;
        } catch (StateConflict lastAdmin) {
            if (!"last-administrator".equals(lastAdmin.code())) {
                throw lastAdmin;
            }
            refuseRow(exchange, visit, operator, "console.operators.lastAdmin");
            return;
        }
        exchange.redirect(PATH + "?notice=role-changed");
    }

    public void disable(WebExchange exchange, Console.Visit visit) {
        OperatorId operator = operator(exchange);
        try {
            disable.disable(new OperatorCommand(visit.actor(), operator, Optional.empty()));
        } catch (StateConflict lastAdmin) {
            if (!"last-administrator".equals(lastAdmin.code())) {
                throw lastAdmin;
            }
            refuseRow(exchange, visit, operator, "console.operators.lastAdmin");
            return;
        }
        exchange.redirect(PATH + "?notice=disabled");
    }

    public void resetSecondFactor(WebExchange exchange, Console.Visit visit) {
        resetSecondFactor.resetSecondFactor(new OperatorCommand(visit.actor(), operator(exchange), Optional.empty()));
        exchange.redirect(PATH + "?notice=second-factor-reset");
    }

    public void reinvite(WebExchange exchange, Console.Visit visit) {
        reinvite.reinvite(new OperatorCommand(visit.actor(), operator(exchange), Optional.empty()));
        exchange.redirect(PATH + "?notice=reinvited");
    }

    private void refuseRow(WebExchange exchange, Console.Visit visit, OperatorId operator, String messageKey) {
        render(exchange, visit, messageKey.endsWith("lastAdmin") ? 409 : 422, Map.of(),
                Map.of("row:" + operator.value(), visit.t().get(messageKey)), Optional.empty());
    }

    private void render(WebExchange exchange, Console.Visit visit, int status, Map<String, String> typed,
                        Map<String, String> errors, Optional<String> notice) {
        Texts t = visit.t();
        List<OperatorsView.Row> rows = operators.list(visit.actor()).stream()
                .map(operator -> row(visit, operator)).toList();
        List<OperatorsView.Choice> roles = Arrays.stream(OperatorRole.values())
                .map(role -> new OperatorsView.Choice(role.name().toLowerCase(Locale.ROOT),
                        t.get("console.role." + role.name().toLowerCase(Locale.ROOT)))).toList();
        List<OperatorsView.Choice> languages = Arrays.stream(Language.values())
                .map(language -> new OperatorsView.Choice(language.tag(), t.get("console.language." + language.tag())))
                .toList();
        console.page(exchange, status, "console/operators.jte", new OperatorsView(console.chrome(visit,
                "console.operators.title", "operators"), rows, typed, roles, languages, TimeZones.all(), errors,
                notice));
    }

    private static OperatorsView.Row row(Console.Visit visit, Operator operator) {
        Texts t = visit.t();
        String role = operator.role().name().toLowerCase(Locale.ROOT);
        String status = operator.status().name().toLowerCase(Locale.ROOT);
        return new OperatorsView.Row(operator.id().value().toString(), operator.name().value(),
                operator.email().value(), t.get("console.role." + role), role,
                t.get("console.operator.status." + status), "badge--" + status,
                operator.lastSignInAt().map(visit.formats()::dateTime).orElse("—"),
                operator.status() == OperatorStatus.INVITED, operator.status() == OperatorStatus.ACTIVE,
                operator.id().equals(visit.actor().id()));
    }

    private static OperatorId operator(WebExchange exchange) {
        return new OperatorId(PathIds.of(exchange, "operatorId", "The operator"));
    }
}
