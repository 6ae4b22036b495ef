package dev.billingportal.adapter.in.rest.request;

import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.InvalidValue;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the fields of a JSON object strictly — a string must be a JSON string, a flag a JSON boolean —
 * and converts them into domain values. Every problem is collected with the field's full path
 * ({@code firstUser.timeZone}, {@code invoice.lines[0].amount}); {@link #validate()} then reports them
 * all at once, before anything is changed.
 */
public final class JsonFields {
    private final JsonObject object;
    private final String prefix;
    private final List<FieldError> errors;

    private JsonFields(JsonObject object, String prefix, List<FieldError> errors) {
        this.object = object;
        this.prefix = prefix;
        this.errors = errors;
    }

    static JsonFields root(JsonObject object) {
        return new JsonFields(object, "", new ArrayList<>());
    }

    /** The full path of a field of this object. */
    public String path(String name) {
        return prefix + name;
    }

    public boolean has(String name) {
        return object.containsKey(name) && object.get(name).getValueType() != JsonValue.ValueType.NULL;
    }

    /** A required string, or null (with an error recorded) when missing or not a string. */
    public String string(String name) {
        if (!has(name)) {
            reject(name, "is required");
            return null;
        }
        return stringValue(name);
    }

    public Optional<String> optionalString(String name) {
        return has(name) ? Optional.ofNullable(stringValue(name)) : Optional.empty();
    }

    /** A required string converted by {@code parse}; its {@link InvalidValue} becomes this field's error. */
    public <T> T value(String name, Function<String, T> parse) {
        String raw = string(name);
        return raw == null ? null : convert(name, () -> parse.apply(raw));
    }

    public <T> Optional<T> optionalValue(String name, Function<String, T> parse) {
        return optionalString(name).map(raw -> convert(name, () -> parse.apply(raw)));
    }

    public boolean optionalBoolean(String name, boolean absent) {
        if (!has(name)) {
            return absent;
        }
        JsonValue value = object.get(name);
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        reject(name, "must be true or false");
        return absent;
    }

    public Boolean requiredBoolean(String name) {
        if (!has(name)) {
            reject(name, "is required");
            return null;
        }
        return optionalBoolean(name, false);
    }

    /** A required nested object, read with the same error list; null when missing or not an object. */
    public JsonFields object(String name) {
        if (!has(name)) {
            reject(name, "is required");
            return null;
        }
        return objectValue(name);
    }

    public Optional<JsonFields> optionalObject(String name) {
        return has(name) ? Optional.ofNullable(objectValue(name)) : Optional.empty();
    }

    /** A required array of objects; each element reads as {@code name[i].field}. */
    public List<JsonFields> objects(String name) {
        if (!has(name)) {
            reject(name, "is required");
            return List.of();
        }
        JsonValue value = object.get(name);
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            reject(name, "must be an array");
            return List.of();
        }
        JsonArray array = value.asJsonArray();
        List<JsonFields> elements = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String element = name + "[" + i + "]";
            if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                reject(element, "must be an object");
            } else {
                elements.add(new JsonFields(array.getJsonObject(i), prefix + element + ".", errors));
            }
        }
        return elements;
    }

    /**
     * Runs a conversion or a domain rule that concerns {@code name}; an {@link InvalidValue} becomes this
     * field's error and an {@link InvalidInput} keeps its own fields, under this object's path.
     */
    public <T> T convert(String name, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (InvalidValue invalid) {
            reject(name, invalid.getMessage());
        } catch (InvalidInput invalid) {
            invalid.errors().forEach(error -> errors.add(error.under(prefix)));
        }
        return null;
    }

    /** Records an error on a field of this object. */
    public void reject(String name, String message) {
        errors.add(new FieldError(prefix + name, message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws {@link InvalidInput} with every error found so far, if any. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
    }

    private String stringValue(String name) {
        JsonValue value = object.get(name);
        if (value instanceof JsonString string) {
            return string.getString();
        }
        reject(name, "must be a string");
        return null;
    }

    private JsonFields objectValue(String name) {
        JsonValue value = object.get(name);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            reject(name, "must be an object");
            return null;
        }
        return new JsonFields(value.asJsonObject(), prefix + name + ".", errors);
    }
}
