package dev.billingportal.adapter.out.mail;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheFactory;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.user.Language;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the mail templates under {@code mail/} (one subject, plain-text and HTML template per
 * notification kind; the French ones under {@code mail/fr-CA/}) with Mustache. HTML templates escape every value; plain text and subjects do not
 * need to, but a subject never keeps a line break: it becomes a header.
 */
final class MailTemplates {
    /** Escapes values for HTML: {@code <script>} in a name arrives as text, not markup. */
    private final MustacheFactory html = new DefaultMustacheFactory("mail");
    /** Writes values as they are, for text/plain bodies and subjects. */
    private final MustacheFactory text = new DefaultMustacheFactory("mail") {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException failure) {
                throw new MustacheException("Failed to write a value", failure);
            }
        }
    };

    record Rendered(String subject, String text, String html) {
    }

    Rendered render(NotificationKind kind, Language language, Map<String, String> values) {
        String name = (language == Language.FR_CA ? "fr-CA/" : "") + kind.name().toLowerCase(Locale.ROOT)
                .replace('_', '-');
        return new Rendered(
                headerSafe(run(text, name + ".subject.mustache", values)),
                run(text, name + ".txt.mustache", values),
                run(html, name + ".html.mustache", values));
    }

    /** One line, no control characters: what may safely become a header value. */
    static String headerSafe(String value) {
        return value.replaceAll("[\\p{Cc}\\u2028\\u2029]+", " ").replaceAll(" {2,}", " ").strip();
    }

    private static String run(MustacheFactory factory, String template, Map<String, String> values) {
        StringWriter out = new StringWriter();
        try {
            factory.compile(template).execute(out, values).flush();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return out.toString();
    }
}
