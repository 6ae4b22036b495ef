package dev.billingportal.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Goal 5: startup-to-ready time, and resident memory after 1 000 requests, of the portal (with its full
 * database) against the bare Helidon hello application — started in turn, as many times as the settings say,
 * medians compared.
 */
final class StartupAndMemory {
    private final List<Long> portalStartMillis = new ArrayList<>();
    private final List<Long> helloStartMillis = new ArrayList<>();
    private final List<Long> portalResident = new ArrayList<>();
    private final List<Long> helloResident = new ArrayList<>();

    void measure(PortalInstance portal, PortalClient.Member member, HelloApplication hello, BenchSettings settings) {
        for (int run = 0; run < settings.startups(); run++) {
            try (MeasuredProcess process = hello.start()) {
                helloStartMillis.add(process.startupTime().toMillis());
                for (int i = 0; i < settings.requestsBeforeMemory(); i++) {
                    hello.request();
                }
                helloResident.add(process.residentBytes());
            }
            try (MeasuredProcess process = portal.start()) {
                portalStartMillis.add(process.startupTime().toMillis());
                PortalClient client = portal.client();
                for (int i = 0; i < settings.requestsBeforeMemory(); i++) {
                    client.historyPage(member, null);
                }
                portalResident.add(process.residentBytes());
            }
        }
    }

    void report(Report report, long coldStartMillis) {
        long portalStart = median(portalStartMillis);
        long helloStart = median(helloStartMillis);
        long portalRss = median(portalResident);
        long helloRss = median(helloResident);
        report.ratio("startup to ready (median)", portalStart + " ms", helloStart + " ms (hello)",
                (double) portalStart / helloStart, "≤ 1.5", portalStart <= 1.5 * helloStart);
        report.ratio("resident memory after 1 000 requests (median)", Report.mib(portalRss),
                Report.mib(helloRss) + " (hello)", (double) portalRss / helloRss, "≤ 1.5", portalRss <= 1.5 * helloRss);
        report.section("Startup and memory", List.of(
                "portal, to /health/ready with its full database: " + portalStartMillis + " ms; hello, to its first"
                        + " 200: " + helloStartMillis + " ms",
                "portal's very first start (empty data directory: migrations, broker journal): " + coldStartMillis + " ms",
                "resident memory after 1 000 requests (portal: first history page, signed in; hello: GET /hello): portal "
                        + portalResident.stream().map(Report::mib).toList() + ", hello "
                        + helloResident.stream().map(Report::mib).toList()));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
