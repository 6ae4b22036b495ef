package dev.billingportal.adapter.in.rest.request;

import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.domain.failure.FieldPath;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.PortalFailure;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the fields of a JSON object as the text the core's commands are built from — strictly: a string must be
 * a JSON string, a flag a JSON boolean, an object an object. Absent and {@code null} read as {@code null}; what is
 * required, and what each value must look like, is the command's to say ({@link #command}). A value of the wrong
 * JSON type is this adapter's error, named with its path; the command's errors about the same field are then
 * left out, so each field is reported once.
 */
public final class JsonFields {
    private static final JsonObject EMPTY = JsonValue.EMPTY_JSON_OBJECT;

    private final JsonObject object;
    private final FieldPath at;
    private final List<FieldError> errors;

    private JsonFields(JsonObject object, FieldPath at, List<FieldError> errors) {
        this.object = object;
        this.at = at;
        this.errors = errors;
    }

    public static JsonFields root(JsonObject object) {
        return new JsonFields(object, FieldPath.root(), new ArrayList<>());
    }

    /** The values read so far that had the wrong JSON type, each named with its path. */
    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** A string field's text; null when absent, and when not a string (then an error). */
    public String string(String name) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        reject(at.then(name), "must be a string");
        return null;
    }

    /** A whole number field (within int); null when absent, and when not one (then an error). */
    public Integer integer(String name) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            // compared as sent: turning 1e999999999 into an integer first would take its time
            BigDecimal exact = number.bigDecimalValue();
            if (exact.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                reject(at.then(name), "is too large");
                return null;
            }
            return exact.intValueExact();
        }
        reject(at.then(name), "must be a whole number");
        return null;
    }

    /** A boolean field; null when absent, and when not {@code true} or {@code false} (then an error). */
    public Boolean flag(String name) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        reject(at.then(name), "must be true or false");
        return null;
    }

    /** A nested object's fields; null when absent, and when not an object (then an error). */
    public JsonFields object(String name) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            reject(at.then(name), "must be an object");
            return null;
        }
        return new JsonFields(value.asJsonObject(), at.then(name), errors);
    }

    /**
     * An array of strings; null when absent, and when not an array (then an error). An element that is not a string
     * is an error ({@code name[i]}) and is left out.
     */
    public List<String> strings(String name) {
        JsonArray array = array(name);
        if (array == null) {
            return null;
        }
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonString string) {
                elements.add(string.getString());
            } else {
                reject(at.then(name).at(i), "must be a string");
            }
        }
        return elements;
    }

    /**
     * An array of objects, each read as {@code name[i]}; null when absent, and when not an array (then an error).
     * An element that is not an object is an error and reads as an empty object, so positions stay as sent.
     */
    public List<JsonFields> objects(String name) {
        JsonArray array = array(name);
        if (array == null) {
            return null;
        }
        List<JsonFields> elements = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            FieldPath element = at.then(name).at(i);
            if (array.get(i).getValueType() == JsonValue.ValueType.OBJECT) {
                elements.add(new JsonFields(array.getJsonObject(i), element, errors));
            } else {
                reject(element, "must be an object");
                elements.add(new JsonFields(EMPTY, element, errors));
            }
        }
        return elements;
    }

    /**
     * Builds the command from the text read: its own checks decide what is valid. Every error is reported at
     * once — this adapter's type errors first, then the command's about other fields.
     */
    public <T> T command(Supplier<T> build) {
        T built;
        try {
            built = build.get();
        } catch (InvalidInput invalid) {
            List<FieldError> all = new ArrayList<>(errors);
            invalid.errors().stream().filter(error -> !reportedHere(error.field())).forEach(all::add);
            throw InvalidInput.of(all);
        } catch (PortalFailure failure) {
            if (!errors.isEmpty()) {
                throw InvalidInput.of(errors); // malformed input is answered before any rule is judged
            }
            throw failure;
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        return built;
    }

    private boolean reportedHere(FieldPath field) {
        return errors.stream().anyMatch(error -> error.field().contains(field));
    }

    /** An array field; null when absent, and when not an array (then an error). */
    private JsonArray array(String name) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            reject(at.then(name), "must be an array");
            return null;
        }
        return value.asJsonArray();
    }

    private JsonValue present(String name) {
        JsonValue value = object.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    private void reject(FieldPath field, String message) {
        errors.add(new FieldError(field, message));
    }
}
