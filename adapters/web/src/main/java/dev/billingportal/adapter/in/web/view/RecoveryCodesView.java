package dev.billingportal.adapter.in.web.view;

import java.util.List;

/** Ten recovery codes, shown this once; "I have saved them" goes on to {@code continueTo}. */
public record RecoveryCodesView(Chrome chrome, List<String> codes, String continueTo) {
    public RecoveryCodesView {
        codes = List.copyOf(codes);
    }
}
