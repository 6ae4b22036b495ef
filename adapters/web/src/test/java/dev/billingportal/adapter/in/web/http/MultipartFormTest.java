package dev.billingportal.adapter.in.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** An upload's form: the fields before the file read, the file left in the stream, anything odd refused. */
class MultipartFormTest {
    private static final String TYPE = "multipart/form-data; boundary=XyZ";

    private static String part(String name, String value) {
        return "--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static String file(String filename, String type, String content) {
        return "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n" + content + "\r\n";
    }

    /** The body as a stream that counts what was read of it. */
    private static InputStream body(String text, AtomicLong read) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                int n = super.read(buffer, offset, length);
                read.addAndGet(Math.max(n, 0));
                return n;
            }
        };
    }

    @Test
    void theFieldsBeforeTheFileAreTheFormAndTheFileIsStreamedAsSent() throws IOException {
        String content = "{\"accountNumber\":\"ACC-000042\",\"note\":\"--XyZ is not the boundary here\"}\n"
                + "x".repeat(200_000) + "\n";
        String body = part("_csrf", "tok3n") + part("note", "Zoë") + file("november.ndjson",
                "application/x-ndjson", content) + part("after", "never read as a field") + "--XyZ--\r\n";

        MultipartForm form = MultipartForm.read(body(body, new AtomicLong()), TYPE);

        assertEquals(Optional.of("tok3n"), form.fields().first("_csrf"));
        assertEquals(Optional.of("Zoë"), form.fields().first("note"));
        assertEquals(Optional.empty(), form.fields().first("after"), "a field after the file is not the form's");
        MultipartForm.FilePart file = form.file().orElseThrow();
        assertEquals("november.ndjson", file.filename());
        assertEquals(Optional.of("application/x-ndjson"), file.contentType());
        assertEquals(content, new String(file.content().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theFileIsNotReadBeforeThePageReadsIt() {
        String big = "y".repeat(4 * 1024 * 1024);
        AtomicLong read = new AtomicLong();
        MultipartForm form = MultipartForm.read(body(part("_csrf", "t") + file("big.csv", "text/csv", big)
                + "--XyZ--\r\n", read), TYPE);

        assertTrue(form.file().isPresent());
        assertTrue(read.get() < 512 * 1024, "read " + read.get() + " bytes of a 4 MiB file to find the fields");
    }

    @Test
    void aFormWithoutAFileHasItsFieldsAndNoFile() {
        MultipartForm form = MultipartForm.read(body(part("_csrf", "t") + "--XyZ--\r\n", new AtomicLong()), TYPE);

        assertEquals(Optional.of("t"), form.fields().first("_csrf"));
        assertEquals(Optional.empty(), form.file());
    }

    @Test
    void fieldsPastTheFormsLimitANamelessPartOrFieldsNotInUtf8AreRefused() {
        assertThrows(Forms.Unreadable.class, () -> MultipartForm.read(body(part("a", "x".repeat(Forms.MAX_BYTES))
                + part("b", "x") + "--XyZ--\r\n", new AtomicLong()), TYPE));
        assertThrows(Forms.Unreadable.class, () -> MultipartForm.read(body("--XyZ\r\nContent-Type: text/plain\r\n\r\n"
                + "x\r\n--XyZ--\r\n", new AtomicLong()), TYPE));
        byte[] latin1 = (part("name", "Zo\u00eb") + "--XyZ--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(Forms.Unreadable.class, () -> MultipartForm.read(new ByteArrayInputStream(latin1), TYPE));
    }

    @Test
    void onlyAMultipartFormIsOne() {
        assertTrue(MultipartForm.isMultipart(Optional.of("Multipart/Form-Data; boundary=a")));
        assertEquals(false, MultipartForm.isMultipart(Optional.of("application/x-www-form-urlencoded")));
        assertEquals(false, MultipartForm.isMultipart(Optional.empty()));
    }
}
