package dev.billingportal.domain.operator;

/** An operator is invited (no password yet), active, or disabled: a disabled operator cannot sign in. */
public enum OperatorStatus {
    INVITED, ACTIVE, DISABLED
}
