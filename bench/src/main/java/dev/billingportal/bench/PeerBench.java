package dev.billingportal.bench;

import dev.billingportal.adapter.out.persistence.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The portal beside Kill Bill ({@link KillBill}) on the same PostgreSQL server, one after the other in one run, with
 * the same load driver: payments posted to one account from 1 and from 4 threads, then that account's history read.
 * The portal also mails every payment to the account's user; Kill Bill sends nothing.
 *
 * <pre>./portal.sh bench --peer killbill [--quick]   (writes docs/peers.md; --quick: bench/target/peer-work)</pre>
 */
public final class PeerBench {
    private record Figures(ClosedLoop.Result oneClient, ClosedLoop.Result fourClients, Latencies history,
                           long payments) {
    }

    /** What is done the same way to either system. */
    private interface Peer {
        void warmUp();

        void post();

        void readHistory();
    }

    private PeerBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        if (!options.contains("killbill")) {
            throw new IllegalArgumentException("usage: --peer killbill [--quick]");
        }
        boolean quick = options.contains("--quick");
        Path work = Path.of("bench", "target", "peer-work").toAbsolutePath();
        PerformanceBench.deleteRecursively(work);
        Files.createDirectories(work);
        int single = quick ? 50 : 300;
        int multiple = quick ? 200 : 1_200;
        int reads = quick ? 30 : 200;
        AtomicLong ids = new AtomicLong();

        Figures ours;
        try (SmtpSink sink = new SmtpSink()) {
            PortalInstance portal = new PortalInstance(Path.of(System.getProperty("portal.jar",
                    "bootstrap/target/billing-portal.jar")).toAbsolutePath(), work.resolve("portal").resolve("data"),
                    Jvm.freePort(), sink.port(), List.of(), Map.of("PORTAL_DB_URL", TestPostgres.newDatabase(),
                    "PORTAL_DB_USER", "postgres"));
            try (MeasuredProcess process = portal.start()) {
                PortalClient client = portal.client();
                PortalClient.Member warm = client.newAccount("warm@peer.example", sink);
                PortalClient.Member account = client.newAccount("measured@peer.example", sink);
                log("the portal");
                ours = measure(new Peer() {
                    public void warmUp() {
                        client.postPayment(warm.accountId(), ids.incrementAndGet());
                    }

                    public void post() {
                        client.postPayment(account.accountId(), ids.incrementAndGet());
                    }

                    public void readHistory() {
                        client.historyPage(account, null);
                    }
                }, single, multiple, reads);
            }
        }
        Figures theirs;
        try (KillBill killBill = KillBill.start(work.resolve("killbill"), TestPostgres.newDatabase())) {
            String warm = killBill.newAccount("warm");
            String account = killBill.newAccount("measured");
            log("Kill Bill " + KillBill.VERSION);
            theirs = measure(new Peer() {
                public void warmUp() {
                    killBill.postPayment(warm);
                }

                public void post() {
                    killBill.postPayment(account);
                }

                public void readHistory() {
                    killBill.timeline(account);
                }
            }, single, multiple, reads);
        }
        Path findings = quick ? work.resolve("peers-quick.md") : Path.of("docs", "peers.md");
        Files.writeString(findings, render(ours, theirs));
        log("wrote " + findings.toAbsolutePath());
    }

    private static Figures measure(Peer peer, int single, int multiple, int reads) throws InterruptedException {
        ClosedLoop.times(4, multiple / 2, (thread, n) -> peer.warmUp());
        ClosedLoop.Result one = ClosedLoop.times(1, single, (thread, n) -> peer.post());
        ClosedLoop.Result four = ClosedLoop.times(4, multiple, (thread, n) -> peer.post());
        for (int i = 0; i < reads / 4; i++) {
            peer.readHistory(); // its first reads warm the path up
        }
        ClosedLoop.Result history = ClosedLoop.times(1, reads, (thread, n) -> peer.readHistory());
        log(String.format(Locale.ROOT, "1 client %.0f/s p50 %.1f ms; 4 clients %.0f/s p50 %.1f ms; history p50 %.1f ms",
                one.perSecond(), one.latencies().p50Millis(), four.perSecond(), four.latencies().p50Millis(),
                history.latencies().p50Millis()));
        return new Figures(one, four, history.latencies(), (long) single + multiple);
    }

    private static String render(Figures ours, Figures theirs) {
        List<String> lines = new ArrayList<>(List.of(
                "# The portal beside Kill Bill",
                "",
                "Written by `./portal.sh bench --peer killbill` (`bench/.../PeerBench.java`) on " + Instant.now() + "; "
                        + Runtime.getRuntime().availableProcessors() + " cores. Both on the same private PostgreSQL"
                        + " server (a database each), one after the other, driven by the same Java HTTP client: the"
                        + " billing portal (role `all`, its embedded broker, mailing each payment to the account's user"
                        + " through the bench's SMTP sink) and Kill Bill " + KillBill.VERSION + " (Jetty's runner,"
                        + " `-Xmx1536m`, one tenant, `shiroNbHashIterations=1`, payments through its external payment"
                        + " method, no e-mail; started as `KillBill.java` does it).",
                "",
                "| measure | billing portal | Kill Bill | portal / Kill Bill |",
                "|---|---|---|---|"));
        row(lines, "payments/s, 1 client (" + ours.oneClient().completed() + " payments)",
                ours.oneClient().perSecond(), theirs.oneClient().perSecond(), true);
        row(lines, "payment p50 ms, 1 client", ours.oneClient().latencies().p50Millis(),
                theirs.oneClient().latencies().p50Millis(), false);
        row(lines, "payments/s, 4 clients (" + ours.fourClients().completed() + " payments)",
                ours.fourClients().perSecond(), theirs.fourClients().perSecond(), true);
        row(lines, "payment p50 ms, 4 clients", ours.fourClients().latencies().p50Millis(),
                theirs.fourClients().latencies().p50Millis(), false);
        row(lines, "history read p50 ms, account of " + ours.payments() + " payments", ours.history().p50Millis(),
                theirs.history().p50Millis(), false);
        lines.add("");
        lines.add("All payments go to one account on either side (a warm-up account took as many again first). The"
                + " history read is each system's own: the portal's first page of the transaction history (50 rows,"
                + " newest first, with running balances); Kill Bill's account timeline (every payment, invoice and"
                + " event of the account in one answer; it has no paging).");
        lines.add("");
        return String.join("\n", lines);
    }

    private static void row(List<String> lines, String what, double ours, double theirs, boolean higherIsBetter) {
        boolean ahead = higherIsBetter ? ours >= theirs : ours <= theirs;
        lines.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f (%s) |", what, ours, theirs, ours / theirs,
                ahead ? "ahead" : "behind"));
    }

    private static void log(String message) {
        System.err.println("[peer] " + message);
    }
}
