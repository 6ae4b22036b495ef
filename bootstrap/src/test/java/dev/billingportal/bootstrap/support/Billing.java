package dev.billingportal.bootstrap.support;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import java.util.function.IntConsumer;

/** Posts transactions to a portal under test, as the billing system would. */
public final class Billing {
    private final Api api;

    public Billing(Api api) {
        this.api = api;
    }

    public Api.Reply post(String accountId, String idempotencyKey, String json) {
        HttpRequest.Builder request = api.request("/api/v1/operator/accounts/" + accountId + "/transactions",
                        TestPortal.OPERATOR_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return api.send(request);
    }

    /**
     * Posts as a billing system does through failures: after an answer other than 201 or 200, or none (the connection
     * failed in flight), the same request again with the same {@code idempotencyKey}, up to 40 times 250 ms apart.
     * Every answer goes to {@code answers}; -1 stands for none.
     */
    public void postUntilTaken(String accountId, String idempotencyKey, String json, IntConsumer answers) {
        for (int attempt = 1; attempt <= 40; attempt++) {
            int status;
            try {
                status = post(accountId, idempotencyKey, json).status();
            } catch (UncheckedIOException inFlight) {
                status = -1;
            }
            answers.accept(status);
            if (status == 201 || status == 200) {
                return;
            }
            Await.sleep(Duration.ofMillis(250));
        }
        throw new AssertionError("the post with Idempotency-Key " + idempotencyKey + " was never taken");
    }

    public Api.Reply post(String accountId, String json) {
        return post(accountId, UUID.randomUUID().toString(), json);
    }

    /** The spec's example invoice: 10 seats at 10.00, HST 13 %: 113.00. */
    public static String invoice(String number) {
        return """
                {"type":"INVOICE","amount":"113.00","currency":"CAD","reference":"BILLRUN-2026-11",
                 "description":"November services","postedAt":"2026-11-01T12:00:00Z",
                 "invoice":{"invoiceNumber":"%s","issueDate":"2026-11-01","dueDate":"2026-11-30",
                   "periodStart":"2026-10-01","periodEnd":"2026-10-31",
                   "lines":[{"description":"Hosted PBX seat","quantity":"10","unitPrice":"10.00","amount":"100.00"}],
                   "taxes":[{"name":"HST","rate":"13","amount":"13.00"}]}}""".formatted(number);
    }

    public static String payment(String amount, String invoiceId, String reference) {
        return "{\"type\":\"PAYMENT\",\"amount\":\"" + amount + "\""
                + (invoiceId == null ? "" : ",\"invoiceId\":\"" + invoiceId + "\"")
                + (reference == null ? "" : ",\"reference\":\"" + reference + "\"") + "}";
    }
}
