package dev.billingportal.adapter.in.web.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawFieldParser;

/**
 * A {@code multipart/form-data} body (RFC 7578) read as a stream, for a form that uploads a file: the text fields
 * before the first file are read and kept (at most {@link Forms#MAX_BYTES} in all); the file is left in the stream
 * for the page to read as it goes — an upload is never held whole. A form therefore puts its {@code _csrf} field
 * before its file input, so the guard checks the token before a byte of the file is read. Parsing is mime4j's.
 */
final class MultipartForm {
    /** The form's file: its field's name, the name the browser gave it, its declared type, and its bytes. */
    record FilePart(String field, String filename, Optional<String> contentType, InputStream content) {
    }

    private static final MimeConfig CONFIG = new MimeConfig.Builder()
            .setMaxLineLen(-1) // a file's lines are the file's business (a bill run's line may be 1 MiB)
            .setMaxHeaderLen(8 * 1024)
            .setMaxHeaderCount(16)
            .setMaxContentLen(-1)
            .build();

    private final Forms fields;
    private final Optional<FilePart> file;

    private MultipartForm(Forms fields, Optional<FilePart> file) {
        this.fields = fields;
        this.file = file;
    }

    Forms fields() {
        return fields;
    }

    Optional<FilePart> file() {
        return file;
    }

    static boolean isMultipart(Optional<String> contentType) {
        return contentType.map(type -> type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data"))
                .orElse(false);
    }

    /** Reads the body up to its first file; a body that is not such a form is {@link Forms.Unreadable}. */
    static MultipartForm read(InputStream body, String contentType) {
        MimeTokenStream stream = new MimeTokenStream(CONFIG);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int budget = Forms.MAX_BYTES;
        try {
            stream.parseHeadless(body, contentType);
            String name = null;
            String filename = null;
            String type = null;
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM;
                 state = stream.next()) {
                switch (state) {
                    case T_START_BODYPART -> {
                        name = null;
                        filename = null;
                        type = null;
                    }
                    case T_FIELD -> {
                        Field field = stream.getField();
                        if (field.getNameLowerCase().equals("content-disposition")) {
                            RawBody disposition = RawFieldParser.DEFAULT.parseRawBody(
                                    RawFieldParser.DEFAULT.parseField(field.getRaw()));
                            for (NameValuePair parameter : disposition.getParams()) {
                                if (parameter.getName().equalsIgnoreCase("name")) {
                                    name = parameter.getValue();
                                } else if (parameter.getName().equalsIgnoreCase("filename")) {
                                    filename = parameter.getValue();
                                }
                            }
                        } else if (field.getNameLowerCase().equals("content-type")) {
                            type = field.getBody().strip();
                        }
                    }
                    case T_BODY -> {
                        if (name == null) {
                            throw new Forms.Unreadable("a part without a name");
                        }
                        if (filename != null) {
                            return new MultipartForm(Forms.of(fields), Optional.of(new FilePart(name, filename,
                                    Optional.ofNullable(type), stream.getDecodedInputStream())));
                        }
                        byte[] value = stream.getDecodedInputStream().readNBytes(budget + 1);
                        budget -= value.length;
                        if (budget < 0) {
                            throw new Forms.Unreadable("more than " + Forms.MAX_BYTES + " bytes of fields");
                        }
                        fields.computeIfAbsent(name, key -> new ArrayList<>()).add(Forms.utf8(value));
                    }
                    default -> {
                        // The multipart's own structure (preamble, boundaries, epilogue): nothing to keep.
                    }
                }
            }
        } catch (MimeException malformed) {
            throw new Forms.Unreadable("not a multipart form: " + malformed.getMessage());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return new MultipartForm(Forms.of(fields), Optional.empty());
    }
}
