package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account's webhook endpoints (spec §13, {@code /webhooks}): the list, the form that adds one, and — in the answer
 * to adding one — its secret, shown this once.
 */
public record WebhooksView(Chrome chrome, WebhookPlace place, List<Row> rows, EndpointForm form, Optional<Shown> shown,
                           Optional<String> notice) {

    /** One endpoint: where it is, what it hears, and whether it is on (and, if not, why). */
    public record Row(String id, String url, String description, String events, String state, String stateClass,
                      Optional<String> stateDetail) {
    }

    /** An endpoint's secret just made: shown in this answer only. */
    public record Shown(String endpointId, String url, String secret) {
        @Override
        public String toString() {
            return "Shown[" + url + ", hidden]";
        }
    }

    /** The form of an endpoint's fields: what was typed, the event choices, and what is wrong with them. */
    public record EndpointForm(Map<String, String> typed, List<Choice> events, boolean everyEvent, boolean enabled,
                               Map<String, String> errors) {
        public EndpointForm {
            typed = Map.copyOf(typed);
            events = List.copyOf(events);
            errors = Map.copyOf(errors);
        }

        public boolean hasError(String field) {
            return errors.containsKey(field);
        }

        public String error(String field) {
            return errors.get(field);
        }

        public String typed(String field) {
            return typed.getOrDefault(field, "");
        }
    }

    /** An event type to tick. */
    public record Choice(String value, String label, boolean checked) {
    }

    public WebhooksView {
        rows = List.copyOf(rows);
    }
}
