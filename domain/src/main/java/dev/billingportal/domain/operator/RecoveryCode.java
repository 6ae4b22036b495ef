package dev.billingportal.domain.operator;

import dev.billingportal.domain.access.SecretTokens;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One of an operator's recovery codes (spec §11): typed instead of an authenticator code when the phone is lost, each
 * usable once. Sixteen Base32 characters (80 random bits) in groups of four, {@code k7q2-m9xa-4fpd-w3ne}: short
 * enough to type, and far beyond guessing, so a fast hash of it (SHA-256, as for tokens) is all that is stored.
 */
public record RecoveryCode(String value) {
    /** How many an operator holds at a time. */
    public static final int SET_SIZE = 10;
    private static final int CHARACTERS = 16;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh set of {@link #SET_SIZE} codes, shown to the operator once. */
    public static List<RecoveryCode> generateSet() {
        List<RecoveryCode> codes = new ArrayList<>();
        for (int i = 0; i < SET_SIZE; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < CHARACTERS; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(new RecoveryCode(code.toString()));
        }
        return List.copyOf(codes);
    }

    /** What was typed, if it has a recovery code's shape: hyphens, spaces and letter case forgiven. */
    public static Optional<RecoveryCode> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String clean = typed.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (clean.length() != CHARACTERS || !clean.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new RecoveryCode(clean.replaceAll("(.{4})(?!$)", "$1-")));
    }

    /** The stored form. */
    public String hash() {
        return SecretTokens.hash(value);
    }

    /** Never printed by accident: a code is a credential. */
    @Override
    public String toString() {
        return "RecoveryCode[hidden]";
    }
}
