package dev.billingportal.adapter.in.web.page;

import dev.billingportal.adapter.in.web.http.Forms;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.Chrome;
import dev.billingportal.adapter.in.web.view.DeleteUserView;
import dev.billingportal.adapter.in.web.view.UserForm;
import dev.billingportal.adapter.in.web.view.UserRow;
import dev.billingportal.adapter.in.web.view.UsersView;
import dev.billingportal.application.port.in.user.AddPortalUserCommand;
import dev.billingportal.application.port.in.user.AddPortalUserUseCase;
import dev.billingportal.application.port.in.user.DeletePortalUserUseCase;
import dev.billingportal.application.port.in.user.EditPortalUserCommand;
import dev.billingportal.application.port.in.user.EditPortalUserUseCase;
import dev.billingportal.application.port.in.user.GetPortalUserQuery;
import dev.billingportal.application.port.in.user.ListPortalUsersQuery;
import dev.billingportal.application.port.in.user.NewPortalUserInput;
import dev.billingportal.application.port.in.user.PortalUserCommand;
import dev.billingportal.application.port.in.user.ProfileEditInput;
import dev.billingportal.application.port.in.user.ReinvitePortalUserUseCase;
import dev.billingportal.domain.failure.CannotDeleteOwnUser;
import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.failure.UsernameTaken;
import dev.billingportal.domain.failure.VersionMismatch;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.TimeZones;
import dev.billingportal.domain.user.UserStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Manage Users, as the help page describes it (spec §9): the account's users in a table; New User opens an input
 * row, the pencil turns a row into inputs, the green checkmark saves and the red X cancels; the trash can asks first.
 * Without JavaScript every action is a plain form (POST, then redirect); with htmx the same URLs answer with the
 * row that changed, and the page is never reloaded.
 */
public final class ManageUsersPages {
    private static final List<String> FIELDS = List.of("username", "firstName", "lastName", "timeZone",
            "billingNotifications");

    private final Pages pages;
    private final ListPortalUsersQuery listUsers;
    private final GetPortalUserQuery getUser;
    private final AddPortalUserUseCase addUser;
    private final EditPortalUserUseCase editUser;
    private final DeletePortalUserUseCase deleteUser;
    private final ReinvitePortalUserUseCase reinviteUser;

    public ManageUsersPages(Pages pages, ListPortalUsersQuery listUsers, GetPortalUserQuery getUser,
                            AddPortalUserUseCase addUser, EditPortalUserUseCase editUser,
                            DeletePortalUserUseCase deleteUser, ReinvitePortalUserUseCase reinviteUser) {
        this.pages = pages;
        this.listUsers = listUsers;
        this.getUser = getUser;
        this.addUser = addUser;
        this.editUser = editUser;
        this.deleteUser = deleteUser;
        this.reinviteUser = reinviteUser;
    }

    /** {@code /users}, {@code /users?new=1} (the input row open), {@code /users?done=…} (after a plain POST). */
    public void list(WebExchange exchange, Pages.Visit visit) {
        Optional<UserRow> newRow = exchange.query("new").isPresent() ? Optional.of(newRow(blankForm(visit)))
                : Optional.empty();
        Optional<String> notice = exchange.query("done").filter(done -> List.of("added", "saved", "deleted",
                "invited").contains(done)).map(done -> visit.t().get("users.done." + done));
        page(exchange, visit, 200, Optional.empty(), newRow, notice, Optional.empty());
    }

    /** The input row of a new user (htmx); without JavaScript, the page with it open. */
    public void newRow(WebExchange exchange, Pages.Visit visit) {
        if (!exchange.htmx()) {
            exchange.redirect("/users?new=1#user-new");
            return;
        }
        exchange.html(200, editRow(visit, newRow(blankForm(visit))));
    }

    public void cancelNew(WebExchange exchange, Pages.Visit visit) {
        if (!exchange.htmx()) {
            exchange.redirect("/users");
            return;
        }
        exchange.html(200, "");
    }

    public void add(WebExchange exchange, Pages.Visit visit) {
        Forms form = exchange.form();
        Map<String, String> typed = typed(form);
        try {
            PortalUser added = addUser.add(AddPortalUserCommand.of(visit.session().actor(), visit.me().account().id(),
                    new NewPortalUserInput(form.value("username"), null, form.value("firstName"),
                            form.value("lastName"), form.value("timeZone"), form.checked("billingNotifications"))));
            if (exchange.htmx()) {
                exchange.html(200, showRow(visit, row(visit, added, Optional.empty()))
                        + status(visit.t().get("users.done.addedName", added.username().value()), false));
            } else {
                exchange.redirect("/users?done=added");
            }
        } catch (UsernameTaken taken) {
            refuseNew(exchange, visit, new UserForm(typed, Map.of("username", visit.t().get("users.taken")), true));
        } catch (InvalidInput | RuleViolation invalid) {
            refuseNew(exchange, visit, new UserForm(typed, Pages.fieldMessages(visit.t(), errors(invalid)), false));
        }
    }

    private void refuseNew(WebExchange exchange, Pages.Visit visit, UserForm form) {
        if (exchange.htmx()) {
            exchange.html(422, editRow(visit, newRow(form)));
        } else {
            page(exchange, visit, 422, Optional.empty(), Optional.of(newRow(form)), Optional.empty(),
                    Optional.empty());
        }
    }

    /** The pencil: the row as inputs (htmx); without JavaScript, the page with that row as inputs. */
    public void editRow(WebExchange exchange, Pages.Visit visit) {
        PortalUser user = user(exchange, visit);
        UserForm form = UserForm.of(values(user));
        if (exchange.htmx()) {
            exchange.html(200, editRow(visit, row(visit, user, Optional.of(form))));
        } else {
            page(exchange, visit, 200, Optional.of(row(visit, user, Optional.of(form))), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
    }

    /** The red X of an edited row: the row as it is (htmx). */
    public void showRow(WebExchange exchange, Pages.Visit visit) {
        if (!exchange.htmx()) {
            exchange.redirect("/users");
            return;
        }
        exchange.html(200, showRow(visit, row(visit, user(exchange, visit), Optional.empty())));
    }

    public void save(WebExchange exchange, Pages.Visit visit) {
        PortalUser current = user(exchange, visit);
        Forms form = exchange.form();
        Map<String, String> typed = typed(form);
        typed.put("username", current.username().value());
        try {
            PortalUser saved = editUser.edit(EditPortalUserCommand.of(visit.session().actor(),
                    visit.me().account().id(), current.id(), version(form), new ProfileEditInput(
                            current.email().value(), form.value("firstName"), form.value("lastName"),
                            form.value("timeZone"), form.checked("billingNotifications"), null, null)));
            if (exchange.htmx()) {
                exchange.html(200, showRow(visit, row(visit, saved, Optional.empty()))
                        + status(visit.t().get("users.done.savedName", saved.firstName() + " " + saved.lastName()),
                        false));
            } else {
                exchange.redirect("/users?done=saved");
            }
        } catch (VersionMismatch stale) {
            PortalUser fresh = user(exchange, visit);
            refuseEdit(exchange, visit, row(visit, fresh, Optional.of(UserForm.of(values(fresh)))),
                    Optional.of(visit.t().get("users.stale")));
        } catch (InvalidInput | RuleViolation invalid) {
            refuseEdit(exchange, visit, row(visit, current, Optional.of(new UserForm(typed,
                    Pages.fieldMessages(visit.t(), errors(invalid)), false))), Optional.empty());
        }
    }

    private void refuseEdit(WebExchange exchange, Pages.Visit visit, UserRow row, Optional<String> alert) {
        if (exchange.htmx()) {
            exchange.html(422, editRow(visit, row) + alert.map(message -> status(message, true)).orElse(""));
        } else {
            page(exchange, visit, 422, Optional.of(row), Optional.empty(), Optional.empty(), alert);
        }
    }

    /** The trash can without JavaScript: the question on a page of its own. */
    public void confirmDelete(WebExchange exchange, Pages.Visit visit) {
        PortalUser user = user(exchange, visit);
        if (user.id().equals(visit.session().actor().userId())) {
            page(exchange, visit, 409, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(visit.t().get("users.cannotDeleteSelf")));
            return;
        }
        pages.page(exchange, 200, "users/confirmdelete.jte", new DeleteUserView(
                pages.chrome(visit, visit.t().get("users.deleteQuestion", user.firstName() + " " + user.lastName()),
                        "users"), row(visit, user, Optional.empty())));
    }

    public void delete(WebExchange exchange, Pages.Visit visit) {
        PortalUser user = user(exchange, visit);
        try {
            deleteUser.delete(new PortalUserCommand(visit.session().actor(), visit.me().account().id(), user.id()));
            String done = visit.t().get("users.done.deletedName", user.firstName() + " " + user.lastName());
            if (exchange.htmx()) {
                exchange.html(200, status(done, false));
            } else {
                exchange.redirect("/users?done=deleted");
            }
        } catch (CannotDeleteOwnUser self) {
            String refused = visit.t().get("users.cannotDeleteSelf");
            if (exchange.htmx()) {
                exchange.html(200, showRow(visit, row(visit, user, Optional.empty())) + status(refused, true));
            } else {
                page(exchange, visit, 409, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(refused));
            }
        }
    }

    public void reinvite(WebExchange exchange, Pages.Visit visit) {
        PortalUser user = user(exchange, visit);
        reinviteUser.reinvite(new PortalUserCommand(visit.session().actor(), visit.me().account().id(), user.id()));
        if (exchange.htmx()) {
            exchange.html(200, showRow(visit, row(visit, user, Optional.empty()))
                    + status(visit.t().get("users.done.invitedName", user.email().value()), false));
        } else {
            exchange.redirect("/users?done=invited");
        }
    }

    private void page(WebExchange exchange, Pages.Visit visit, int status, Optional<UserRow> editing,
                      Optional<UserRow> newRow, Optional<String> notice, Optional<String> error) {
        List<UserRow> rows = listUsers.list(visit.session().actor(), visit.me().account().id(), false).stream()
                .map(user -> editing.filter(edited -> edited.id().equals(user.id().toString()))
                        .orElseGet(() -> row(visit, user, Optional.empty())))
                .toList();
        Chrome chrome = pages.chrome(visit, visit.t().get("users.title"), "users");
        pages.page(exchange, status, "users.jte", new UsersView(chrome, visit.me().account().name().value(), rows,
                newRow, TimeZones.all(), notice, error));
    }

    private PortalUser user(WebExchange exchange, Pages.Visit visit) {
        PortalUserId id = new PortalUserId(uuid(exchange.pathParameter("userId").orElse("")));
        return getUser.get(visit.session().actor(), visit.me().account().id(), id);
    }

    private static UUID uuid(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException notAnId) {
            throw new NotFound("The portal user");
        }
    }

    private static UserRow row(Pages.Visit visit, PortalUser user, Optional<UserForm> editing) {
        return new UserRow(user.id().toString(), user.username().value(), user.firstName().value(),
                user.lastName().value(), user.timeZone().getId(), user.billingNotifications(),
                user.status() == UserStatus.INVITED, user.id().equals(visit.session().actor().userId()),
                user.version(), editing);
    }

    private static UserRow newRow(UserForm form) {
        return new UserRow(UserRow.NEW, "", "", "", "", false, false, false, 0, Optional.of(form));
    }

    private static UserForm blankForm(Pages.Visit visit) {
        return UserForm.of(Map.of("timeZone", visit.me().user().timeZone().getId()));
    }

    private static Map<String, String> values(PortalUser user) {
        Map<String, String> values = new HashMap<>(Map.of("username", user.username().value(),
                "firstName", user.firstName().value(), "lastName", user.lastName().value(),
                "timeZone", user.timeZone().getId()));
        if (user.billingNotifications()) {
            values.put("billingNotifications", "on");
        }
        return values;
    }

    /** What was typed, to be shown again beside its error; an unticked box is simply absent. */
    private static Map<String, String> typed(Forms form) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : FIELDS) {
            form.first(field).ifPresent(value -> typed.put(field, value));
        }
        return typed;
    }

    private static Optional<Long> version(Forms form) {
        try {
            return form.first("version").map(Long::parseLong);
        } catch (NumberFormatException notOurs) {
            throw new VersionMismatch();
        }
    }

    private static List<FieldError> errors(RuntimeException invalid) {
        return invalid instanceof InvalidInput input ? input.errors() : ((RuleViolation) invalid).errors();
    }

    private String showRow(Pages.Visit visit, UserRow row) {
        return pages.fragment("users/row.jte", Map.of("chrome", pages.chrome(visit, "", "users"), "row", row));
    }

    private String editRow(Pages.Visit visit, UserRow row) {
        return pages.fragment("users/editrow.jte", Map.of("chrome", pages.chrome(visit, "", "users"), "row", row,
                "timeZones", TimeZones.all()));
    }

    private String status(String message, boolean alert) {
        return pages.fragment("users/oob.jte", Map.of("target", alert ? "alert" : "status", "message", message,
                "alert", alert));
    }
}
