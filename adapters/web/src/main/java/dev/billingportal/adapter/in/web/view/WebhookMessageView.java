package dev.billingportal.adapter.in.web.view;

import java.util.List;

/** One message of an endpoint's log: the body its receiver gets, and every attempt, oldest first. */
public record WebhookMessageView(Chrome chrome, WebhookPlace place, String endpointId, String endpointUrl, WebhookView.MessageRow message,
                                 String body, List<AttemptRow> attempts, boolean resendable, String zone) {

    /** One attempt: when, how long, what came back (an HTTP status or what went wrong), and the answer's start. */
    public record AttemptRow(String when, String took, String outcome, boolean succeeded, String answer) {
    }

    public WebhookMessageView {
        attempts = List.copyOf(attempts);
    }
}
