package dev.billingportal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run's findings as Markdown. The bench owns the part of {@code docs/performance.md} between its two
 * markers and leaves the rest — the hand-written profiling notes, before and after each fix — as it is.
 */
final class Report {
    static final String BEGIN = "<!-- bench:begin (written by the bench; edit outside these markers) -->";
    static final String END = "<!-- bench:end -->";
    /** The PostgreSQL run's part of the same file ({@code --db postgresql}). */
    static final String BEGIN_POSTGRESQL = "<!-- bench-postgresql:begin (written by the bench; edit outside these"
            + " markers) -->";
    static final String END_POSTGRESQL = "<!-- bench-postgresql:end -->";

    /**
     * A figure of the portal divided by the same figure of its baseline, measured side by side; a reference line
     * (a baseline that is the machine's limit rather than the same work) has no goal.
     */
    record Ratio(String what, String portal, String baseline, double ratio, String goal, boolean met,
                 boolean reference) {
    }

    private final List<Ratio> ratios = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();

    void ratio(String what, String portal, String baseline, double ratio, String goal, boolean met) {
        ratios.add(new Ratio(what, portal, baseline, ratio, goal, met, false));
    }

    /** A reference line: the portal against the machine's own limit, reported and not a goal. */
    void reference(String what, String portal, String baseline, double ratio) {
        ratios.add(new Ratio(what, portal, baseline, ratio, "reference", true, true));
    }

    /** Raw figures under a heading, one bullet per line. */
    void section(String heading, List<String> lines) {
        StringBuilder text = new StringBuilder("### ").append(heading).append("\n\n");
        lines.forEach(line -> text.append("- ").append(line).append('\n'));
        sections.add(text.toString());
    }

    List<Ratio> ratios() {
        return List.copyOf(ratios);
    }

    private String database = "H2";

    /** Names the database the run measured on, for the report's header. */
    void database(String description) {
        database = description;
    }

    String render(BenchSettings settings) {
        StringBuilder md = new StringBuilder();
        md.append(settings.onPostgreSql() ? "## Latest run on PostgreSQL" : "## Latest run on H2")
                .append(settings.quick() ? " (quick mode: figures not comparable)" : "")
                .append(settings.complete() ? "" : " (partial: only " + settings.measures() + ")")
                .append("\n\n");
        md.append("- Date: ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
        md.append("- Machine: ").append(Machine.describe()).append('\n');
        md.append("- Database: ").append(database).append('\n');
        md.append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(Runtime.version()).append(" (every process measured runs on it, with the same options)\n");
        md.append("- Settings: ").append(settings.transactions()).append(" transactions in the history account, depth ")
                .append(settings.depth()).append(", ").append(settings.historySamples())
                .append(" samples per page kind after ").append(settings.warmup()).append(" warm-up requests, posting for ")
                .append(settings.postingTime().toSeconds()).append(" s on ").append(settings.postingThreads())
                .append(" threads, ").append(settings.mailPosts()).append(" posts × ").append(settings.mailRecipients())
                .append(" recipients, latency run of ").append(settings.latencyTime().toSeconds()).append(" s, ")
                .append(settings.startups()).append(" start(s) of each application\n\n");
        md.append("| measure | portal | baseline (same run) | ratio | goal | met |\n|---|---|---|---|---|---|\n");
        for (Ratio r : ratios) {
            md.append("| ").append(r.what()).append(" | ").append(r.portal()).append(" | ").append(r.baseline())
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f", r.ratio())).append(" | ").append(r.goal())
                    .append(" | ").append(r.reference() ? "—" : r.met() ? "yes" : "**no**").append(" |\n");
        }
        md.append('\n');
        sections.forEach(section -> md.append(section).append('\n'));
        return md.toString();
    }

    /** Writes the findings between the markers of {@code file}, keeping whatever else it holds. */
    void writeTo(Path file, BenchSettings settings) throws IOException {
        String begin = settings.onPostgreSql() ? BEGIN_POSTGRESQL : BEGIN;
        String end = settings.onPostgreSql() ? END_POSTGRESQL : END;
        String generated = begin + "\n" + render(settings) + end;
        String content;
        if (Files.exists(file)) {
            String existing = Files.readString(file);
            int from = existing.indexOf(begin);
            int to = existing.indexOf(end);
            content = from >= 0 && to > from
                    ? existing.substring(0, from) + generated + existing.substring(to + end.length())
                    : existing + "\n" + generated + "\n";
        } else {
            content = "# Performance\n\n" + generated + "\n";
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, content);
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.2f ms", millis);
    }

    static String rate(double perSecond, String unit) {
        return String.format(Locale.ROOT, "%.1f %s/s", perSecond, unit);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1024.0 / 1024.0);
    }
}
