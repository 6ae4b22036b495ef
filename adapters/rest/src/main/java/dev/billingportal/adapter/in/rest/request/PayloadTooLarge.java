package dev.billingportal.adapter.in.rest.request;

/** The request body is over the limit; answered with 413 and nothing read further. */
public final class PayloadTooLarge extends RuntimeException {
    public PayloadTooLarge(long limit) {
        super("The request body must not be larger than " + limit + " bytes (1 MiB).", null, false, false);
    }
}
