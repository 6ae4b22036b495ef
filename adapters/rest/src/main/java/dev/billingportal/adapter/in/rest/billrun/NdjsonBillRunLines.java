package dev.billingportal.adapter.in.rest.billrun;

import dev.billingportal.adapter.in.rest.billing.TransactionRequests;
import dev.billingportal.adapter.in.rest.request.JsonBodies;
import dev.billingportal.adapter.in.rest.request.JsonFields;
import dev.billingportal.application.port.in.billing.TransactionInput;
import dev.billingportal.application.port.in.billrun.BillRunLineInput;
import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.domain.failure.InvalidInput;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A bill run's NDJSON file (spec §14), one line at a time: each line a transaction request of §5 with its
 * {@code accountNumber} or {@code accountId} and its own {@code idempotencyKey}. Blank lines are skipped but counted,
 * so a line's number is the one an editor shows. A line that is not a JSON object is that line's error, never the
 * file's.
 */
final class NdjsonBillRunLines implements Iterator<BillRunLineInput> {
    private static final JsonProvider JSON = JsonProvider.provider();
    /** A line may be as long as a single posting's body may be large (one character: at least one byte). */
    static final int MAX_LINE_CHARS = (int) JsonBodies.MAX_BYTES;
    /** Stands for a line past the limit (compared by identity). */
    private static final String TOO_LONG = new String("line too long");

    private final BufferedReader reader;
    private long number;
    private BillRunLineInput next;
    private boolean ended;

    NdjsonBillRunLines(BufferedReader reader) {
        this.reader = reader;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !ended) {
            String text = readLine();
            if (text == null) {
                ended = true;
            } else {
                number++;
                if (text == TOO_LONG) {
                    next = BillRunLineInput.unreadable(number, FieldError.of("line", "is longer than "
                            + MAX_LINE_CHARS + " characters, the most a single posting's body may be"));
                } else if (!text.isBlank()) {
                    next = parse(number, text);
                }
            }
        }
        return next != null;
    }

    @Override
    public BillRunLineInput next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        BillRunLineInput line = next;
        next = null;
        return line;
    }

    /**
     * The next line without its end ({@code \n} or {@code \r\n}), null at the end of the file, {@link #TOO_LONG}
     * for a line past {@link #MAX_LINE_CHARS} — read to its end but not kept, so no line sits whole on the heap.
     */
    private String readLine() {
        try {
            StringBuilder line = new StringBuilder();
            boolean tooLong = false;
            int c;
            while ((c = reader.read()) != -1 && c != '\n') {
                if (line.length() < MAX_LINE_CHARS) {
                    line.append((char) c);
                } else {
                    tooLong = true;
                }
            }
            if (c == -1 && line.isEmpty() && !tooLong) {
                return null;
            }
            if (tooLong) {
                return TOO_LONG;
            }
            int end = line.length();
            return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
        } catch (CharacterCodingException notUtf8) {
            throw InvalidInput.field("body", "is not valid UTF-8 (line " + (number + 1) + ")");
        } catch (IOException unreadable) {
            throw InvalidInput.field("body", "could not be read");
        }
    }

    static BillRunLineInput parse(long number, String text) {
        JsonValue value;
        try (JsonReader line = JSON.createReader(new StringReader(text))) {
            value = line.readValue();
        } catch (JsonParsingException malformed) {
            return BillRunLineInput.unreadable(number, FieldError.of("line", "is not valid JSON (column "
                    + malformed.getLocation().getColumnNumber() + ")"));
        } catch (JsonException | IllegalStateException | IllegalArgumentException malformed) {
            return BillRunLineInput.unreadable(number, FieldError.of("line", "is not valid JSON"));
        } catch (RuntimeException tooDeep) {
            // Parsson reports nesting beyond its limit as a bare RuntimeException (ApiFuzzIT found it for bodies).
            return BillRunLineInput.unreadable(number, FieldError.of("line", "is nested too deeply"));
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return BillRunLineInput.unreadable(number, FieldError.of("line", "must be a JSON object"));
        }
        JsonFields fields = JsonFields.root(value.asJsonObject());
        TransactionInput transaction = TransactionRequests.read(fields);
        String accountNumber = fields.string("accountNumber");
        String accountId = fields.string("accountId");
        String idempotencyKey = fields.string("idempotencyKey");
        return new BillRunLineInput(number, accountNumber, accountId, idempotencyKey, transaction, fields.errors());
    }
}
