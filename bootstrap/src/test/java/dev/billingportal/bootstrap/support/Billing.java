package dev.billingportal.bootstrap.support;

import java.net.http.HttpRequest;
import java.util.UUID;

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
