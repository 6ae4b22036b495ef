package dev.billingportal.domain.failure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Collects every field error of a command while it is built from what a person or a client sent, so that
 * all of them are reported at once ({@link #orThrow()}). Values arrive as text; each is converted by a value
 * object's own factory, whose {@link InvalidValue} becomes that field's error. A nested object's checks
 * ({@link #within}) add to the same list under the nested field's path.
 */
public final class FieldChecks {
    private final FieldPath at;
    private final List<FieldError> errors;
    private final List<FieldError> refusals;

    private FieldChecks(FieldPath at, List<FieldError> errors, List<FieldError> refusals) {
        this.at = at;
        this.errors = errors;
        this.refusals = refusals;
    }

    public static FieldChecks start() {
        return new FieldChecks(FieldPath.root(), new ArrayList<>(), new ArrayList<>());
    }

    /** The checks of the object in field {@code name}. */
    public FieldChecks within(String name) {
        return new FieldChecks(at.then(name), errors, refusals);
    }

    /** The checks of the {@code index}-th object of the list in field {@code name}. */
    public FieldChecks within(String name, int index) {
        return new FieldChecks(at.then(name).at(index), errors, refusals);
    }

    public FieldPath path(String name) {
        return at.then(name);
    }

    /** A required value: missing is an error, and so is what {@code parse} refuses. Null when invalid. */
    public <T> T required(String name, String raw, Function<String, T> parse) {
        if (raw == null) {
            reject(name, "is required");
            return null;
        }
        return rule(name, () -> parse.apply(raw));
    }

    /** An optional value: missing is empty; present, it must be valid (empty when it is not). */
    public <T> Optional<T> optional(String name, String raw, Function<String, T> parse) {
        return raw == null ? Optional.empty() : Optional.ofNullable(rule(name, () -> parse.apply(raw)));
    }

    /**
     * An optional choice among the values the product allows (a user's language): a well-formed request that
     * asks for another is refused as breaking a rule ({@link RuleViolation}), not as malformed.
     */
    public <T> Optional<T> optionalChoice(String name, String raw, Function<String, T> parse) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(raw));
        } catch (InvalidValue refused) {
            refusals.add(new FieldError(at.then(name), refused.getMessage()));
            return Optional.empty();
        }
    }

    /** A required yes/no. */
    public boolean requiredFlag(String name, Boolean raw) {
        if (raw == null) {
            reject(name, "is required");
            return false;
        }
        return raw;
    }

    /** Each element of a required list, read with its own checks ({@code name[i]...}). Null when missing. */
    public <R, T> List<T> list(String name, List<R> raw, BiFunction<FieldChecks, R, T> element) {
        if (raw == null) {
            reject(name, "is required");
            return null;
        }
        List<T> elements = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            elements.add(element.apply(within(name, i), raw.get(i)));
        }
        return elements;
    }

    /**
     * Runs a rule that concerns field {@code name}: its {@link InvalidValue} becomes that field's error, and the
     * errors of an {@link InvalidInput} it throws are kept, read from inside that field. Null when it failed.
     */
    public <T> T rule(String name, Supplier<T> rule) {
        try {
            return rule.get();
        } catch (InvalidValue invalid) {
            reject(name, invalid.getMessage());
        } catch (InvalidInput invalid) {
            invalid.errors().forEach(error -> errors.add(error.under(at)));
        }
        return null;
    }

    public void reject(String name, String message) {
        errors.add(new FieldError(at.then(name), message));
    }

    /** Whether any field, here or anywhere in the command, has failed so far. */
    public boolean failed() {
        return !errors.isEmpty() || !refusals.isEmpty();
    }

    /**
     * Throws {@link InvalidInput} with every malformed field, if there is one; else {@link RuleViolation} with
     * every refused choice, if there is one.
     */
    public void orThrow() {
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        if (!refusals.isEmpty()) {
            throw RuleViolation.of(refusals);
        }
    }

    /** A one-line account of the errors: the only one, or how many there are. */
    static String summary(List<FieldError> errors) {
        if (errors.size() == 1) {
            FieldError only = errors.get(0);
            return only.field() + ": " + only.message();
        }
        return "The request has " + errors.size() + " invalid fields.";
    }
}
