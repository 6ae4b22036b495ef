package dev.billingportal.bench;

import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.account.SearchWords;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Spec §12's goal for the console's one search box: at 1 000 000 accounts and 3 000 000 portal users, the p50 of a
 * search, through the console's page as an operator's browser asks for it, is 5 ms or less — on the embedded H2 and
 * on PostgreSQL. The accounts and users are written straight into the database (batched JDBC) after the portal has
 * made its schema; then the portal is started on them and searched by a mix of what callers know: an account number,
 * a user's e-mail, a deleted user's username, two words of a name, and an invoice number that matches nothing.
 *
 * <p>{@code ./portal.sh bench --search [--quick] [--db h2|postgresql]}: {@code --quick} writes 100 000 accounts.
 */
public final class SearchBench {
    private static final String[] SURNAMES = {"Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier",
        "Morin", "Lavoie", "Fortin", "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc",
        "Paquette", "Girard", "Simard", "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier",
        "Lapointe", "Leclerc", "Lefebvre", "Poulin", "Thibault", "St-Pierre", "Nadeau", "Martin", "Landry", "Martel",
        "Bédard", "Grenier", "Lessard", "Bernier", "Smith", "Brown", "Wilson", "MacDonald", "Taylor", "Campbell",
        "Anderson", "Jones", "Patel", "Singh", "Nguyen", "Chen", "Wong", "Li", "Kim", "Garcia", "Rossi", "Müller",
        "O'Brien", "Murphy"};
    private static final String[] TRADES = {"Plomberie", "Électricité", "Boulangerie", "Transport", "Construction",
        "Consultants", "Dental", "Legal", "Pharmacie", "Garage", "Toiture", "Paysagement", "Imprimerie", "Traiteur",
        "Logistics", "Software", "Clinic", "Motors", "Realty", "Insurance", "Accounting", "Marketing", "Design",
        "Fitness", "Salon", "Bistro", "Hardware", "Veterinary", "Optical", "Florist"};
    private static final String[] SUFFIXES = {"Inc.", "Ltée", "& Fils", "Group", "Services", "Co.", "Enr.",
        "Solutions", "Associates", "du Québec", "of Canada", ""};
    private static final int USERS_PER_ACCOUNT = 3;
    private static final int BATCH = 2_000;
    private static final int WARMUP = 2_000;
    private static final int SAMPLES = 5_000;

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        List<BenchDatabase.Kind> kinds = List.of(args).contains("h2") ? List.of(BenchDatabase.Kind.H2)
                : List.of(args).contains("postgresql") ? List.of(BenchDatabase.Kind.POSTGRESQL)
                : List.of(BenchDatabase.Kind.H2, BenchDatabase.Kind.POSTGRESQL);
        int accounts = quick ? 100_000 : 1_000_000;
        Path jar = Path.of(System.getProperty("portal.jar", "bootstrap/target/billing-portal.jar")).toAbsolutePath();
        List<String> lines = new ArrayList<>();
        for (BenchDatabase.Kind kind : kinds) {
            lines.addAll(run(jar, kind, accounts));
        }
        Path findings = Path.of("bench", "target", "search-findings.md");
        Files.createDirectories(findings.getParent());
        Files.writeString(findings, String.join("\n", lines) + "\n");
        lines.forEach(SearchBench::log);
        log("wrote " + findings.toAbsolutePath());
    }

    private static List<String> run(Path jar, BenchDatabase.Kind kind, int accounts) throws Exception {
        Path work = Files.createTempDirectory("search-bench-");
        try (SmtpSink sink = new SmtpSink()) {
            Path dataDir = work.resolve("portal").resolve("data");
            BenchDatabase database = BenchDatabase.of(kind, dataDir);
            PortalInstance portal = new PortalInstance(jar, dataDir, Jvm.freePort(), sink.port(), List.of(),
                    database.portalEnvironment());
            log(kind + ": the portal makes its schema");
            try (MeasuredProcess first = portal.start()) {
                first.stop(); // H2 is one process's file: the generator writes while the portal is down
            }
            log(kind + ": writing " + accounts + " accounts and " + accounts * USERS_PER_ACCOUNT + " users");
            long started = System.nanoTime();
            String session = generate(database, accounts);
            Duration generation = Duration.ofNanos(System.nanoTime() - started);
            long bytes = database.bytesOnDisk();

            Latencies all = new Latencies();
            List<Latencies> byKind = List.of(new Latencies(), new Latencies(), new Latencies(), new Latencies(),
                    new Latencies());
            List<String> kindNames = List.of("account number", "user's e-mail", "deleted user's username",
                    "two words of a name", "unknown invoice number");
            try (MeasuredProcess process = portal.start()) {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                URI base = URI.create("http://127.0.0.1:" + portal.client().base().getPort());
                Random random = new Random(42);
                for (int i = 0; i < WARMUP + SAMPLES; i++) {
                    int which = i % kindNames.size();
                    String query = query(which, random.nextInt(accounts));
                    HttpRequest request = HttpRequest.newBuilder(base.resolve("/console?q="
                                    + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                            .header("Cookie", "console_session=" + session).GET().build();
                    long before = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long took = System.nanoTime() - before;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("search " + query + " answered " + response.statusCode());
                    }
                    if (which < 4 && !new String(response.body(), StandardCharsets.UTF_8).contains("<tbody>")) {
                        throw new IllegalStateException("search " + query + " found nothing");
                    }
                    if (i >= WARMUP) {
                        all.record(took);
                        byKind.get(which).record(took);
                    }
                }
                process.stop();
            }
            List<String> lines = new ArrayList<>();
            lines.add("## " + database.describe());
            lines.add("");
            lines.add("%d accounts and %d users written in %d s; database %s on disk.".formatted(accounts,
                    accounts * USERS_PER_ACCOUNT, generation.toSeconds(), Report.mib(bytes)));
            lines.add("");
            lines.add("| search | p50 | p95 | p99 |");
            lines.add("|---|---|---|---|");
            lines.add(row("all (%d, one at a time)".formatted(all.count()), all));
            for (int k = 0; k < kindNames.size(); k++) {
                lines.add(row(kindNames.get(k), byKind.get(k)));
            }
            lines.add("");
            return lines;
        } finally {
            PerformanceBench.deleteRecursively(work);
        }
    }

    private static String row(String name, Latencies latencies) {
        return "| %s | %.2f ms | %.2f ms | %.2f ms |".formatted(name, latencies.p50Millis(),
                latencies.atPercentileMillis(95), latencies.p99Millis());
    }

    /** What the bench types for account {@code n}: the same data {@link #generate} wrote, derived from {@code n}. */
    private static String query(int which, int n) {
        return switch (which) {
            case 0 -> number(n).toLowerCase(Locale.ROOT);
            case 1 -> email(n, 0).toUpperCase(Locale.ROOT);
            case 2 -> email(n, USERS_PER_ACCOUNT - 1);
            case 3 -> {
                String[] words = name(n).split(" ");
                yield words[1].substring(0, Math.min(5, words[1].length())) + " " + words[0];
            }
            default -> "INV-" + n;
        };
    }

    private static String number(int n) {
        return "SB-%07d".formatted(n);
    }

    private static String name(int n) {
        Random random = new Random(n);
        return SURNAMES[random.nextInt(SURNAMES.length)] + " " + TRADES[random.nextInt(TRADES.length)] + " "
                + SUFFIXES[random.nextInt(SUFFIXES.length)] + " " + Integer.toString(n, 36);
    }

    private static String email(int n, int user) {
        return "user" + user + "-" + n + "@customer" + n % 997 + ".example";
    }

    /** Writes the accounts, their users (the last of each deleted) and an operator's session; returns its token. */
    private static String generate(BenchDatabase database, int accounts) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement account = connection.prepareStatement("INSERT INTO account (id, account_number,"
                    + " name, currency, created_at) VALUES (?, ?, ?, 'CAD', ?)");
                 PreparedStatement word = connection.prepareStatement("INSERT INTO account_name_word (word,"
                         + " account_id) VALUES (?, ?)");
                 PreparedStatement user = connection.prepareStatement("INSERT INTO portal_user (id, account_id,"
                         + " username, username_key, email, email_key, first_name, last_name, time_zone,"
                         + " billing_notifications, status, password_hash, created_at, updated_at, deleted_at,"
                         + " version) VALUES (?, ?, ?, ?, ?, ?, 'Zoë', 'Tremblay', 'America/Toronto', TRUE, ?, NULL,"
                         + " ?, ?, ?, 0)")) {
                for (int n = 0; n < accounts; n++) {
                    UUID id = new UUID(0x5eA7C4L, n);
                    account.setObject(1, id);
                    account.setString(2, number(n));
                    account.setString(3, name(n));
                    account.setObject(4, now);
                    account.addBatch();
                    for (String w : SearchWords.of(name(n))) {
                        word.setString(1, w);
                        word.setObject(2, id);
                        word.addBatch();
                    }
                    for (int u = 0; u < USERS_PER_ACCOUNT; u++) {
                        boolean deleted = u == USERS_PER_ACCOUNT - 1;
                        String email = email(n, u);
                        user.setObject(1, new UUID(0x05E4L + u, n));
                        user.setObject(2, id);
                        user.setString(3, email);
                        user.setString(4, email);
                        user.setString(5, email);
                        user.setString(6, email);
                        user.setString(7, deleted ? "DELETED" : "INVITED");
                        user.setObject(8, now);
                        user.setObject(9, now);
                        user.setObject(10, deleted ? now : null);
                        user.addBatch();
                    }
                    if ((n + 1) % BATCH == 0 || n == accounts - 1) {
                        account.executeBatch();
                        word.executeBatch();
                        user.executeBatch();
                        connection.commit();
                    }
                    if ((n + 1) % 100_000 == 0) {
                        log("  " + (n + 1) + " accounts");
                    }
                }
            }
            String token = SecretTokens.generate();
            now = OffsetDateTime.now(ZoneOffset.UTC); // the session's idle clock starts after the writing
            UUID operator = UUID.randomUUID();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO operator (id, email, email_key,"
                    + " name, role, status, language, time_zone, password_hash, totp_last_step, created_at,"
                    + " updated_at, version) VALUES (?, 'bench@provider.example', 'bench@provider.example',"
                    + " 'Bench Operator', 'SUPPORT', 'ACTIVE', 'en-CA', 'America/Toronto', 'not-a-real-hash', 0, ?,"
                    + " ?, 0)")) {
                insert.setObject(1, operator);
                insert.setObject(2, now);
                insert.setObject(3, now);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO console_session (token_hash,"
                    + " operator_id, stage, created_at, last_used_at, expires_at, second_factor_at) VALUES"
                    + " (?, ?, 'FULL', ?, ?, ?, ?)")) {
                insert.setString(1, SecretTokens.hash(token));
                insert.setObject(2, operator);
                insert.setObject(3, now);
                insert.setObject(4, now);
                insert.setObject(5, now.plusHours(8));
                insert.setObject(6, now);
                insert.executeUpdate();
            }
            connection.commit();
            return token;
        }
    }

    private static void log(String message) {
        System.out.println(Instant.now() + " search bench: " + message);
    }

}
