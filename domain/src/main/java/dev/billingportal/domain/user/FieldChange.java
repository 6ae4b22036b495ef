package dev.billingportal.domain.user;

/** One edited field: its name and its value before and after (as text, for the audit log). */
public record FieldChange(String field, String before, String after) {
}
