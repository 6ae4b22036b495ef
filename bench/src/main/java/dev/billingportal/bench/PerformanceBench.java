package dev.billingportal.bench;

import dev.billingportal.adapter.out.persistence.TransactionGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Runs every measurement of the portal against its baseline in one run and writes the report. The portal is
 * the packaged jar ({@code -Dportal.jar}), started as its own process on loopback; its mail goes to the bench's
 * SMTP sink. Phases that open the H2 file directly (the generator, the raw JDBC baselines) run while the
 * portal is stopped.
 *
 * <pre>java -Dportal.jar=bootstrap/target/billing-portal.jar -cp … dev.billingportal.bench.PerformanceBench
 *     [--quick] [--transactions N] [--output docs/performance.md] [--work-dir target/bench-work]</pre>
 */
public final class PerformanceBench {
    /** Both the portal and the hello application run with exactly these JVM options. */
    private static final List<String> JVM_OPTIONS = List.of();

    private PerformanceBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.parse(args);
        Report report = run(settings);
        Path output = settings.findings();
        report.writeTo(output, settings);
        log("wrote " + output.toAbsolutePath());
        report.ratios().forEach(ratio -> log(ratio.toString()));
    }

    static Report run(BenchSettings settings) throws Exception {
        Path jar = Path.of(System.getProperty("portal.jar", "bootstrap/target/billing-portal.jar")).toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the portal first (mvn package)");
        }
        Path work = settings.workDir().toAbsolutePath();
        deleteRecursively(work);
        requireDiskSpace(work, settings);
        Report report = new Report();
        AtomicLong ids = new AtomicLong();
        try (SmtpSink sink = new SmtpSink(); WebhookSink webhookSink = new WebhookSink()) {
            Path dataDir = work.resolve("portal").resolve("data");
            BenchDatabase database = BenchDatabase.of(settings.database(), dataDir);
            report.database(database.describe());
            PortalInstance portal = new PortalInstance(jar, dataDir, Jvm.freePort(), sink.port(), JVM_OPTIONS,
                    database.portalEnvironment());

            log("setting up accounts (first start of the portal)");
            long coldStart;
            PortalClient.Member history;
            List<PortalClient.Member> posting = new ArrayList<>();
            PortalClient.Member mail;
            PortalClient.Member pagesMember = null;
            PortalClient.Member webhookMember = null;
            WebhookDelivery webhooks = new WebhookDelivery();
            try (MeasuredProcess process = portal.start()) {
                coldStart = process.startupTime().toMillis();
                PortalClient client = portal.client();
                history = client.newAccount("history@bench.example", sink);
                for (int i = 0; i < settings.postingThreads(); i++) {
                    PortalClient.Member poster = client.newAccount("poster" + i + "@bench.example", sink);
                    for (int r = 1; r < BenchSettings.POSTING_RECIPIENTS; r++) {
                        client.addUser(poster, "poster" + i + "-" + r + "@bench.example");
                    }
                    posting.add(poster);
                }
                mail = client.newAccount("mail0@bench.example", sink);
                for (int i = 1; i < settings.mailRecipients(); i++) {
                    client.addUser(mail, "mail" + i + "@bench.example");
                }
                if (settings.measures(BenchSettings.Measure.WEBHOOKS)) {
                    // Before the pages' 200 users: its invitation would wait behind theirs, past the 30 s a sign-up waits.
                    webhookMember = client.newAccount("hooks@bench.example", sink, false);
                    webhooks.setUp(client, webhookMember, webhookSink);
                }
                if (settings.measures(BenchSettings.Measure.PAGES)) {
                    pagesMember = WebPages.setUp(client, sink);
                }
                awaitQuiet(sink);
            }

            long lastSequence = 0;
            if (generatesHistory(settings)) {
                log("generating " + settings.transactions() + " transactions");
                long generationStarted = System.nanoTime();
                TransactionGenerator.Result generated = TransactionGenerator.append(database.dataSource(),
                        UUID.fromString(history.accountId()), settings.transactions(),
                        Instant.parse("2016-01-01T00:00:00Z"), Duration.ofSeconds(30));
                Duration generation = Duration.ofNanos(System.nanoTime() - generationStarted);
                lastSequence = generated.lastSequence();
                report.section("Data", List.of(settings.transactions() + " transactions generated into one account in "
                        + generation.toMillis() + " ms, straight into the database (TransactionGenerator, batched JDBC);"
                        + " database then " + Report.mib(database.bytesOnDisk())));
            }

            BillRunThroughput billRuns = new BillRunThroughput(settings);
            boolean measureBillRuns = settings.measures(BenchSettings.Measure.BILL_RUNS);
            if (measureBillRuns) {
                log("the bill run's " + settings.billRunAccounts() + " accounts and their users");
                billRuns.setUp(database);
            }

            if (settings.measures(BenchSettings.Measure.STARTUP)) {
                log("startup and memory");
                StartupAndMemory startup = new StartupAndMemory();
                startup.measure(portal, history, new HelloApplication(work.resolve("hello"), Jvm.freePort(),
                        JVM_OPTIONS), settings, work);
                startup.report(report, coldStart);
            }

            HistoryPages pages = new HistoryPages(lastSequence, settings);
            PostingThroughput postingThroughput = new PostingThroughput();
            MailDelivery delivery = new MailDelivery();
            List<String> recording = settings.flightRecording()
                    ? List.of("-XX:StartFlightRecording=settings=profile,filename=" + work.resolve("portal-workload.jfr"))
                    : List.of();
            boolean measureHistory = settings.measures(BenchSettings.Measure.HISTORY);
            boolean measurePosting = settings.measures(BenchSettings.Measure.POSTING);
            boolean measureMail = settings.measures(BenchSettings.Measure.MAIL);
            boolean measurePages = settings.measures(BenchSettings.Measure.PAGES);
            boolean measureWebhooks = settings.measures(BenchSettings.Measure.WEBHOOKS);
            WebPages webPages = new WebPages(settings);
            HistoryWebPages historyWebPages = new HistoryWebPages(lastSequence, settings);
            if (!measureHistory && !measurePosting && !measureMail && !measurePages && !measureWebhooks
                    && !measureBillRuns) {
                return report;
            }
            WarmUp warmUp = new WarmUp(settings);
            try (MeasuredProcess process = portal.start(recording)) {
                PortalClient client = portal.client();
                log("warming the portal up");
                warmUp.run(process, client, history, lastSequence, posting, mail, sink, ids);
                warmUp.report(report);
                if (measureHistory) {
                    log("history pages through the API");
                    pages.measureApi(client, history);
                    log("history pages by wrk, against the hello application's bare GET");
                    pages.measureAgainstHello(client, history, new HelloApplication(work.resolve("hello"),
                            Jvm.freePort(), JVM_OPTIONS));
                }
                if (measurePages) {
                    log("web pages against the API");
                    webPages.measure(client, pagesMember);
                    log("the history page at depth");
                    historyWebPages.measure(client, history, "history@bench.example");
                }
                if (measurePosting) {
                    log("posting through the API");
                    long mailsBefore = sink.accepted();
                    long idsBefore = ids.get();
                    postingThroughput.measureApi(client, posting, ids, settings);
                    long postingEnded = System.nanoTime();
                    long mails = (ids.get() - idsBefore) * BenchSettings.POSTING_RECIPIENTS;
                    if (!sink.awaitAccepted(mailsBefore + mails, Duration.ofMinutes(10))) {
                        throw new IllegalStateException("the posting run's mails did not all arrive");
                    }
                    postingThroughput.drained(Duration.ofNanos(System.nanoTime() - postingEnded));
                }
                if (measureMail) {
                    log("e-mail end to end");
                    delivery.measureEndToEnd(client, mail, sink, ids, settings);
                    log("e-mail latency at half load");
                    delivery.measureLatency(client, mail, sink, ids, settings);
                }
                if (measureWebhooks) {
                    log("webhooks end to end");
                    webhooks.measureEndToEnd(client, webhookMember, webhookSink, ids, settings);
                    log("webhook latency at half load");
                    webhooks.measureLatency(client, webhookMember, webhookSink, ids, settings);
                }
                if (measureBillRuns) {
                    log("a bill run of " + settings.billRunLines() + " lines, then its mails");
                    billRuns.measure(client, sink);
                }
                process.stop();
            }

            log("raw JDBC baselines");
            try (RawJdbc raw = new RawJdbc(database)) {
                if (measureHistory) {
                    pages.measureRaw(raw, history);
                }
                if (measurePosting) {
                    log("a posting's rows by hand");
                    postingThroughput.measureSameWrites(raw, posting, settings);
                    log("raw insert + commit (reference)");
                    postingThroughput.measureRaw(raw, posting, settings);
                }
                if (measureMail) {
                    log("raw mail loop recording each delivery");
                    delivery.measureRecordedLoop(sink, raw, mail, settings);
                }
                if (measureWebhooks) {
                    log("raw webhook loop recording each attempt");
                    webhooks.measureRawLoop(database, raw, webhookMember, settings);
                }
                if (measureBillRuns) {
                    log("the bill run's rows by hand");
                    billRuns.measureRaw(raw);
                }
            }
            if (measureMail) {
                log("raw Jakarta Mail loop (reference)");
                delivery.measureRawLoop(sink, settings);
            }

            if (measureHistory) {
                pages.report(report);
            }
            if (measurePosting) {
                postingThroughput.report(report, settings);
            }
            if (measureMail) {
                delivery.report(report, settings);
            }
            if (measurePosting && measureMail) {
                report.section("Posting and its mails on the same cores", List.of(postingWithItsMails(
                        postingThroughput, delivery)));
            }
            if (measurePages) {
                webPages.report(report);
                historyWebPages.report(report);
            }
            if (measureWebhooks) {
                webhooks.report(report, settings);
            }
            if (measureBillRuns) {
                billRuns.report(report);
            }
            report.section("Disk", List.of("portal database after the run: " + Report.mib(database.bytesOnDisk())));
            Plots.write(report, settings, measureHistory ? pages : null, measurePosting ? postingThroughput : null,
                    measureMail ? delivery : null);
        }
        return report;
    }

    /**
     * During the posting run the portal also relays and mails each posting to its recipients, on the same cores; the
     * raw posting loop does not. A hand-written program doing both — each posting's rows, then its mails each with
     * its recorded delivery — at the two raw loops' measured costs could post at most {@code 1 / (1/P + r/M)} per
     * second (P raw postings/s, M raw mails/s with their deliveries, r recipients). That is the ceiling goal 3's ratio
     * can reach while delivery shares the machine.
     */
    static String postingWithItsMails(PostingThroughput posting, MailDelivery mail) {
        double rawPostings = posting.sameWrites().perSecond();
        double rawMails = mail.recordedLoop().perSecond();
        double both = 1 / (1 / rawPostings + BenchSettings.POSTING_RECIPIENTS / rawMails);
        return String.format(java.util.Locale.ROOT, "a program doing by hand both a posting's rows (%.1f/s alone) and"
                        + " its %d mails with their recorded deliveries (%.1f mails/s alone) would post at most %.1f/s"
                        + " on these cores: goal 3's ratio could reach %.2f while the portal also delivers during the"
                        + " posting run; the portal posted %.1f/s, %.2f of that ceiling", rawPostings,
                BenchSettings.POSTING_RECIPIENTS, rawMails, both, both / rawPostings, posting.api().perSecond(),
                posting.api().perSecond() / both);
    }

    /** The long history is generated for the measures that read it: the API's, the page's, and startup on it. */
    private static boolean generatesHistory(BenchSettings settings) {
        return settings.measures(BenchSettings.Measure.HISTORY) || settings.measures(BenchSettings.Measure.STARTUP)
                || settings.measures(BenchSettings.Measure.PAGES);
    }

    /**
     * The full run's database grows to about 10 GB; and the portal's embedded broker stops taking messages once
     * its disk is 90 % full (Artemis' max-disk-usage) — the outbox then holds every notification, which is right
     * for the portal and ruins a measurement. Better to refuse at the start than to fail half an hour in.
     */
    private static void requireDiskSpace(Path work, BenchSettings settings) throws java.io.IOException {
        Path existing = work;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        java.nio.file.FileStore disk = Files.getFileStore(existing);
        boolean generates = generatesHistory(settings);
        // About 1 KiB per generated transaction by the end of a run (H2 keeps old chunks), plus the workload's.
        long needed = (2L << 30) + (generates ? settings.transactions() * 1024 : 0);
        long usable = disk.getUsableSpace();
        long total = disk.getTotalSpace();
        if (usable < needed || (total - usable + needed) > 0.88 * total) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT, "%s has %s free of %s: the run needs"
                            + " %s, and the disk must stay below 90 %% use, where the portal's broker stops taking"
                            + " messages", existing, Report.mib(usable), Report.mib(total), Report.mib(needed)));
        }
    }

    /** Waits until the sink has accepted nothing new for a second: earlier mail must not load a measurement. */
    static void awaitQuiet(SmtpSink sink) throws InterruptedException {
        long last = -1;
        for (int i = 0; i < 120 && sink.accepted() != last; i++) {
            last = sink.accepted();
            Thread.sleep(1_000);
        }
    }

    /** Empties a work directory left by an earlier run (every bench main starts from nothing). */
    static void deleteRecursively(Path directory) throws java.io.IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void log(String line) {
        System.out.println("[bench " + Instant.now() + "] " + line);
    }
}
