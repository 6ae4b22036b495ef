package dev.billingportal.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The web portal's page speed: {@code /users} with 200 users and the Account Dashboard {@code /}, rendered on the
 * server, against the JSON API calls that carry the same data, with the same client and connection reuse,
 * alternating so both see the same machine. The dashboard's data takes two API calls (the account at a glance and its
 * five latest transactions), which the page's one request replaces: the page is compared with the two calls' p50s
 * added. The client is wrk when the machine has it (one connection, back to back; a round of each in turn, the
 * median of the rounds' p50 kept); otherwise the bench's Java client, which the report then says.
 */
final class WebPages {
    static final int USERS = 200;

    private final Latencies usersPage = new Latencies();
    private final Latencies usersApi = new Latencies();
    private final Latencies dashboardPage = new Latencies();
    private final Latencies dashboardApi = new Latencies();
    private final BenchSettings settings;
    private int usersPageBytes;
    private int usersApiBytes;

    WebPages(BenchSettings settings) {
        this.settings = settings;
    }

    /**
     * An account of 200 users, one of them signed in to the API and to the pages. The others want no billing
     * notifications: each user added is announced to every user who does, so 200 such users would cost the set-up
     * some 20 000 mails (and a minute) that no page measure reads.
     */
    static PortalClient.Member setUp(PortalClient client, SmtpSink sink) throws InterruptedException {
        PortalClient.Member member = client.newAccount("pages0@bench.example", sink);
        for (int i = 1; i < USERS; i++) {
            client.addUser(member, "pages" + i + "@bench.example", false);
        }
        return member;
    }

    private boolean byWrk;
    private final List<Wrk.Run> wrkUsersPage = new ArrayList<>();
    private final List<Wrk.Run> wrkUsersApi = new ArrayList<>();
    private final List<Wrk.Run> wrkDashboardPage = new ArrayList<>();
    private final List<Wrk.Run> wrkDashboardApi = new ArrayList<>();
    private final List<Wrk.Run> wrkLatestApi = new ArrayList<>();

    void measure(PortalClient client, PortalClient.Member member) {
        String session = client.signInToPages("pages0@bench.example");
        javaClient(client, member, session); // also the warm-up of the pages' code paths
        if (Wrk.available()) {
            byWrk = true;
            String base = client.base().toString();
            Map<String, String> cookie = Map.of("Cookie", session);
            Map<String, String> bearer = Map.of("Authorization", "Bearer " + member.token());
            String users = base + "/api/v1/accounts/" + member.accountId() + "/users";
            String dashboard = base + "/api/v1/accounts/" + member.accountId();
            Duration round = settings.quick() ? Duration.ofSeconds(2) : Duration.ofSeconds(10);
            for (int i = 0; i < (settings.quick() ? 2 : 5); i++) {
                wrkUsersPage.add(Wrk.run(base + "/users", cookie, round));
                wrkUsersApi.add(Wrk.run(users, bearer, round));
                wrkDashboardPage.add(Wrk.run(base + "/", cookie, round));
                wrkDashboardApi.add(Wrk.run(dashboard, bearer, round));
                wrkLatestApi.add(Wrk.run(dashboard + "/transactions?limit=5", bearer, round));
            }
        }
    }

    private void javaClient(PortalClient client, PortalClient.Member member, String session) {
        String users = "/api/v1/accounts/" + member.accountId() + "/users";
        String dashboard = "/api/v1/accounts/" + member.accountId();
        String latest = dashboard + "/transactions?limit=5";
        for (int i = 0; i < settings.warmup() + settings.historySamples(); i++) {
            boolean recorded = i >= settings.warmup();
            long start = System.nanoTime();
            usersPageBytes = client.page("/users", session, "pages199@bench.example");
            long pageDone = System.nanoTime();
            usersApiBytes = client.api(member, users);
            long apiDone = System.nanoTime();
            client.page("/", session, "Account Dashboard");
            long dashboardDone = System.nanoTime();
            client.api(member, dashboard);
            client.api(member, latest);
            long dashboardApiDone = System.nanoTime();
            if (recorded) {
                usersPage.record(pageDone - start);
                usersApi.record(apiDone - pageDone);
                dashboardPage.record(dashboardDone - apiDone);
                dashboardApi.record(dashboardApiDone - dashboardDone);
            }
        }
    }

    void report(Report report) {
        String client = byWrk ? "wrk" : "Java client";
        double usersPageP50 = byWrk ? median(wrkUsersPage) : usersPage.p50Millis();
        double usersApiP50 = byWrk ? median(wrkUsersApi) : usersApi.p50Millis();
        double dashboardPageP50 = byWrk ? median(wrkDashboardPage) : dashboardPage.p50Millis();
        double dashboardApiP50 = byWrk ? median(wrkDashboardApi) + median(wrkLatestApi) : dashboardApi.p50Millis();
        report.ratio("/users page (200 users) / the users API, p50 (" + client + ")", Report.ms(usersPageP50),
                Report.ms(usersApiP50) + " (JSON)", usersPageP50 / usersApiP50, "≤ 1.2",
                usersPageP50 <= 1.2 * usersApiP50);
        report.ratio("/ dashboard page / its two API calls (account + 5 latest), p50 (" + client + ")",
                Report.ms(dashboardPageP50), Report.ms(dashboardApiP50) + " (JSON)",
                dashboardPageP50 / dashboardApiP50, "≤ 1.2", dashboardPageP50 <= 1.2 * dashboardApiP50);
        List<String> lines = new ArrayList<>();
        if (byWrk) {
            lines.addAll(List.of("measured with wrk, one connection, in rounds taken in turn:",
                    "/users with " + USERS + " users: " + Wrk.describe(wrkUsersPage),
                    "GET /api/v1/accounts/{id}/users: " + Wrk.describe(wrkUsersApi),
                    "/ (Account Dashboard): " + Wrk.describe(wrkDashboardPage),
                    "GET /api/v1/accounts/{id} (the dashboard's figures): " + Wrk.describe(wrkDashboardApi),
                    "GET /api/v1/accounts/{id}/transactions?limit=5 (its five latest transactions): "
                            + Wrk.describe(wrkLatestApi),
                    "and with the bench's Java client, alternating request by request:"));
        }
        lines.addAll(List.of(
                "/users with " + USERS + " users: " + usersPage + ", " + usersPageBytes + " bytes of HTML",
                "GET /api/v1/accounts/{id}/users, the same users: " + usersApi + ", " + usersApiBytes + " bytes of JSON",
                "/ (Account Dashboard): " + dashboardPage,
                "GET /api/v1/accounts/{id} then GET …/transactions?limit=5, the same figures: " + dashboardApi,
                "each page request checks the session cookie, reads the signed-in user and account, runs the page's "
                        + "queries and renders its template; the API request checks the bearer token and writes JSON"));
        report.section("Web pages (server-rendered, signed in by cookie)", lines);
    }

    private static double median(List<Wrk.Run> runs) {
        return median(runs, Wrk.Run::p50Millis);
    }

    /** The median over rounds of one percentile of each round. */
    static double median(List<Wrk.Run> runs, java.util.function.ToDoubleFunction<Wrk.Run> percentile) {
        double[] values = runs.stream().mapToDouble(percentile).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
