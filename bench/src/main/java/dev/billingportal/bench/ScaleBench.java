package dev.billingportal.bench;

import dev.billingportal.adapter.out.messaging.StandaloneBroker;
import dev.billingportal.adapter.out.persistence.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Spec §10 measured: transactions posted per second with 1 and 2 {@code api} processes, and billing-notification
 * mails per second with 1 and 2 {@code worker} processes, on PostgreSQL (a private server) and a standalone broker
 * made by {@code deploy/artemis/create-broker.sh}, side by side in one run; with the CPU each kind of process used
 * while measured, which says where the limit is.
 *
 * <pre>./portal.sh bench --scale [--quick]   (writes docs/scale-out.md; --quick: bench/target/scale-work)</pre>
 */
public final class ScaleBench {
    private static final int POSTING_THREADS = 8;
    private static final int MAIL_RECIPIENTS = 3;
    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux x86 and arm64

    private final Path jar;
    private final Path work;
    private final boolean quick;
    private final SmtpSink sink;
    private final StandaloneBroker broker;
    private final AtomicLong ids = new AtomicLong();
    private final List<String> rows = new ArrayList<>();

    private ScaleBench(Path jar, Path work, boolean quick, SmtpSink sink, StandaloneBroker broker) {
        this.jar = jar;
        this.work = work;
        this.quick = quick;
        this.sink = sink;
        this.broker = broker;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Path output = Path.of(option(args, "--output", "docs/scale-out.md"));
        Path work = Path.of(option(args, "--work-dir", "bench/target/scale-work")).toAbsolutePath();
        Path jar = Path.of(System.getProperty("portal.jar", "bootstrap/target/billing-portal.jar")).toAbsolutePath();
        PerformanceBench.deleteRecursively(work);
        Files.createDirectories(work);
        try (SmtpSink sink = new SmtpSink();
             StandaloneBroker broker = StandaloneBroker.create(work.resolve("broker"), Jvm.freePort())) {
            broker.start();
            ScaleBench bench = new ScaleBench(jar, work, quick, sink, broker);
            bench.measure(1, 1);
            bench.measure(2, 1);
            bench.measure(1, 2);
            Path findings = quick ? work.resolve("scale-out-quick.md") : output;
            Files.writeString(findings, bench.render());
            System.err.println("[scale] wrote " + findings.toAbsolutePath());
        }
    }

    /** One topology: {@code apis} api processes and {@code workers} worker processes on a database of its own. */
    private void measure(int apis, int workers) throws Exception {
        log(apis + " api + " + workers + " worker processes");
        String database = TestPostgres.newDatabase();
        Map<String, String> environment = new HashMap<>(broker.portalEnvironment());
        environment.putAll(Map.of("PORTAL_DB_URL", database, "PORTAL_DB_USER", "postgres",
                "PORTAL_DB_POOL_SIZE", "16"));
        List<MeasuredProcess> apiProcesses = new ArrayList<>();
        List<MeasuredProcess> workerProcesses = new ArrayList<>();
        List<PortalClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                workerProcesses.add(instance("worker", apis + "a" + workers + "w-worker" + i, Jvm.freePort(),
                        environment).start());
            }
            for (int i = 0; i < apis; i++) {
                int port = Jvm.freePort();
                PortalInstance api = instance("api", apis + "a" + workers + "w-api" + i, port, environment);
                apiProcesses.add(api.start());
                clients.add(api.client());
            }
            PortalClient first = clients.get(0);
            List<PortalClient.Member> accounts = new ArrayList<>();
            for (int i = 0; i < POSTING_THREADS; i++) {
                accounts.add(first.newAccount("scale" + apis + workers + "-" + i + "@bench.example", sink));
            }
            PortalClient.Member mail = first.newAccount("scale" + apis + workers + "-mail@bench.example", sink);
            for (int i = 1; i < MAIL_RECIPIENTS; i++) {
                first.addUser(mail, "scale" + apis + workers + "-mail" + i + "@bench.example");
            }

            // Postings: closed loop, each thread on an account of its own, the threads spread over the api processes.
            ClosedLoop.Operation post = (thread, n) -> clients.get(thread % clients.size())
                    .postPayment(accounts.get(thread).accountId(), ids.incrementAndGet());
            ClosedLoop.run(POSTING_THREADS, quick ? Duration.ofSeconds(2) : Duration.ofSeconds(10), post);
            PerformanceBench.awaitQuiet(sink);
            Cpu before = Cpu.of(apiProcesses, workerProcesses, broker);
            ClosedLoop.Result posting = ClosedLoop.run(POSTING_THREADS,
                    quick ? Duration.ofSeconds(3) : Duration.ofSeconds(20), post);
            Cpu postingCpu = Cpu.of(apiProcesses, workerProcesses, broker).minus(before);
            PerformanceBench.awaitQuiet(sink);

            // Mails: payments to an account whose three users take notifications, posted as fast as they go; from
            // the first post until the sink accepted the last mail.
            int mailPosts = quick ? 100 : 600;
            postAndAwaitMails(clients, mail, mailPosts / 2); // warm-up
            before = Cpu.of(apiProcesses, workerProcesses, broker);
            Duration mailing = postAndAwaitMails(clients, mail, mailPosts);
            Cpu mailCpu = Cpu.of(apiProcesses, workerProcesses, broker).minus(before);
            double mailsPerSecond = mailPosts * MAIL_RECIPIENTS / (mailing.toNanos() / 1e9);

            rows.add(String.format(Locale.ROOT, "| %d | %d | %.0f | %s | %.0f | %s |", apis, workers,
                    posting.perSecond(), postingCpu.describe(posting.elapsed()), mailsPerSecond,
                    mailCpu.describe(mailing)));
            log(rows.get(rows.size() - 1));
        } finally {
            apiProcesses.forEach(MeasuredProcess::close);
            workerProcesses.forEach(MeasuredProcess::close);
        }
    }

    private PortalInstance instance(String role, String name, int port, Map<String, String> environment) {
        Map<String, String> withRole = new HashMap<>(environment);
        withRole.put("PORTAL_ROLE", role);
        // Small heaps, as processes sharing one host would have.
        return new PortalInstance(jar, work.resolve(name).resolve("data"), port, sink.port(), List.of("-Xmx384m"),
                withRole);
    }

    private Duration postAndAwaitMails(List<PortalClient> clients, PortalClient.Member account, int posts)
            throws InterruptedException {
        long target = sink.accepted() + (long) posts * MAIL_RECIPIENTS;
        long started = System.nanoTime();
        ClosedLoop.times(4, posts, (thread, n) -> clients.get(thread % clients.size())
                .postPayment(account.accountId(), ids.incrementAndGet()));
        if (!sink.awaitAccepted(target, Duration.ofMinutes(5))) {
            throw new IllegalStateException("only " + sink.accepted() + " of " + target + " mails arrived");
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private String render() {
        List<String> lines = new ArrayList<>(List.of(
                "# Scale-out figures",
                "",
                "Written by `./portal.sh bench --scale` (`bench/.../ScaleBench.java`) on " + Instant.now()
                        + "; " + Runtime.getRuntime().availableProcessors() + " cores. Spec §10's topology on one"
                        + " host: a private PostgreSQL, a standalone broker made by `deploy/artemis/create-broker.sh`,"
                        + " `api` and `worker` processes (`-Xmx384m`, pool 16) and the bench's SMTP sink; each row on a"
                        + " database of its own, measured after a warm-up of the same kind.",
                "",
                "- postings/s: " + POSTING_THREADS + " threads posting payments (closed loop), each on an account of"
                        + " its own, spread round robin over the api processes; the worker processes mail meanwhile.",
                "- mails/s: payments to an account whose " + MAIL_RECIPIENTS + " users take billing notifications,"
                        + " posted from 4 threads as fast as they go; from the first post to the last SMTP accept.",
                "- CPU: seconds of CPU each kind of process used during that measurement (api / worker / broker /"
                        + " PostgreSQL / the bench itself: its load threads and SMTP sink), and the share of the"
                        + " machine's cores they used together. Where that share nears 100 %, the cores are the limit:"
                        + " a second process shares them with the first rather than adding its own.",
                "",
                "| api | worker | postings/s | CPU while posting | mails/s | CPU while mailing |",
                "|---|---|---|---|---|---|"));
        lines.addAll(rows);
        lines.add("");
        return String.join("\n", lines) + "\n";
    }

    private static void log(String message) {
        System.err.println("[scale] " + message);
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** CPU seconds used so far by each kind of process, read from {@code /proc/PID/stat}. */
    private record Cpu(Map<String, Double> seconds) {
        static Cpu of(List<MeasuredProcess> apis, List<MeasuredProcess> workers, StandaloneBroker broker) {
            Map<String, Double> seconds = new LinkedHashMap<>();
            seconds.put("api", apis.stream().mapToDouble(process -> of(process.pid())).sum());
            seconds.put("worker", workers.stream().mapToDouble(process -> of(process.pid())).sum());
            seconds.put("broker", of(broker.pid()));
            seconds.put("PostgreSQL", postgres());
            seconds.put("bench", of(ProcessHandle.current().pid()));
            return new Cpu(seconds);
        }

        Cpu minus(Cpu earlier) {
            Map<String, Double> difference = new LinkedHashMap<>();
            seconds.forEach((kind, value) -> difference.put(kind, value - earlier.seconds.getOrDefault(kind, 0.0)));
            return new Cpu(difference);
        }

        String describe(Duration over) {
            double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
            double share = total / (over.toNanos() / 1e9) / Runtime.getRuntime().availableProcessors();
            return String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f / %.1f s (%.0f %% of the cores)",
                    seconds.get("api"), seconds.get("worker"), seconds.get("broker"), seconds.get("PostgreSQL"),
                    seconds.get("bench"), 100 * share);
        }

        /** utime + stime of one process, in seconds; 0 once it is gone. */
        private static double of(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
        }

        /** Every process named postgres (the server and its backends). */
        private static double postgres() {
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                        .filter(path -> {
                            try {
                                return Files.readString(path.resolve("comm")).strip().equals("postgres");
                            } catch (IOException | RuntimeException gone) {
                                return false;
                            }
                        })
                        .mapToDouble(path -> of(Long.parseLong(path.getFileName().toString())))
                        .sum();
            } catch (IOException failure) {
                return 0;
            }
        }
    }
}
