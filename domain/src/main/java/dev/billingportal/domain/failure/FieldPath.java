package dev.billingportal.domain.failure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which field of a command a rule concerns: a chain of field names and list positions, such as the amount of
 * a posting's first invoice line ({@code invoice → lines → 0 → amount}). It names the command's own fields;
 * each inbound adapter renders it in its own terms (the REST API as a dotted path, a web form
 * as the id of its input).
 */
public final class FieldPath {
    /** One step: a named field, or a position in a list. */
    public sealed interface Step {
    }

    public record Name(String name) implements Step {
        public Name {
            Objects.requireNonNull(name, "name");
        }
    }

    public record Index(int index) implements Step {
        public Index {
            if (index < 0) {
                throw new IllegalArgumentException("a list position is not negative");
            }
        }
    }

    private static final FieldPath ROOT = new FieldPath(List.of());

    private final List<Step> steps;

    private FieldPath(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The command itself, before any field is named. */
    public static FieldPath root() {
        return ROOT;
    }

    public static FieldPath of(String name) {
        return ROOT.then(name);
    }

    public FieldPath then(String name) {
        return append(new Name(name));
    }

    /** The {@code index}-th element of the list this path names. */
    public FieldPath at(int index) {
        return append(new Index(index));
    }

    /** This path, read from inside the field {@code prefix} names. */
    public FieldPath under(FieldPath prefix) {
        List<Step> joined = new ArrayList<>(prefix.steps);
        joined.addAll(steps);
        return new FieldPath(joined);
    }

    public List<Step> steps() {
        return steps;
    }

    public boolean isRoot() {
        return steps.isEmpty();
    }

    /** Whether {@code other} is this path or lies inside it. */
    public boolean contains(FieldPath other) {
        return other.steps.size() >= steps.size() && other.steps.subList(0, steps.size()).equals(steps);
    }

    /** The name of the last named step ({@code amount} for {@code invoice → lines → 0 → amount}). */
    public String lastName() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i) instanceof Name name) {
                return name.name();
            }
        }
        return "";
    }

    private FieldPath append(Step step) {
        List<Step> longer = new ArrayList<>(steps);
        longer.add(step);
        return new FieldPath(longer);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldPath that && steps.equals(that.steps);
    }

    @Override
    public int hashCode() {
        return steps.hashCode();
    }

    /** For logs and tests: names joined by dots, positions in brackets. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Step step : steps) {
            switch (step) {
                case Name name -> text.append(text.isEmpty() ? "" : ".").append(name.name());
                case Index index -> text.append('[').append(index.index()).append(']');
            }
        }
        return text.toString();
    }
}
