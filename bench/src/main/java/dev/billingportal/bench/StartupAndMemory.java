package dev.billingportal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Goal 5: startup-to-ready time, and resident memory after 1 000 requests, of the portal (with its full
 * database) against the bare Helidon hello application — started in turn, as many times as the settings say,
 * medians compared — under each JVM treatment: the JVM's defaults, and JDK 25's ahead-of-time cache, which each
 * application gets trained by a start of its own that serves the same 1 000 requests (the treatment
 * {@code ./portal.sh aot} gives the portal). The cache is the goal's line; the defaults stay as a reference.
 */
final class StartupAndMemory {
    /** How both applications' JVMs are started. */
    enum Treatment {
        DEFAULTS("the JVM's defaults"),
        AOT_CACHE("an AOT cache each (JDK 25), trained by a start serving 1 000 requests");

        final String description;

        Treatment(String description) {
            this.description = description;
        }
    }

    private final Map<Treatment, Runs> runs = new EnumMap<>(Treatment.class);
    private String skipped;

    /** The measured starts of one treatment. */
    private static final class Runs {
        final List<Long> portalStartMillis = new ArrayList<>();
        final List<Long> helloStartMillis = new ArrayList<>();
        final List<Long> portalResident = new ArrayList<>();
        final List<Long> helloResident = new ArrayList<>();
        final List<Long> portalResidentFile = new ArrayList<>();
        final List<Long> helloResidentFile = new ArrayList<>();
    }

    void measure(PortalInstance portal, PortalClient.Member member, HelloApplication hello, BenchSettings settings,
                 Path work) {
        measure(Treatment.DEFAULTS, List.of(), List.of(), portal, member, hello, settings);
        if (Jvm.featureVersion() < 25) {
            skipped = "the AOT cache needs JDK 25; this JVM is " + Jvm.featureVersion();
            return;
        }
        Path portalCache = work.resolve("portal.aot");
        Path helloCache = work.resolve("hello.aot");
        try (MeasuredProcess training = hello.start(List.of("-XX:AOTCacheOutput=" + helloCache))) {
            serveHello(hello, settings);
        }
        try (MeasuredProcess training = portal.start(List.of("-XX:AOTCacheOutput=" + portalCache))) {
            servePortal(portal, member, settings);
        }
        if (!Files.exists(portalCache) || !Files.exists(helloCache)) {
            throw new IllegalStateException("a training start wrote no AOT cache: " + portalCache + ", " + helloCache);
        }
        measure(Treatment.AOT_CACHE, List.of("-XX:AOTCache=" + portalCache), List.of("-XX:AOTCache=" + helloCache),
                portal, member, hello, settings);
    }

    private void measure(Treatment treatment, List<String> portalOptions, List<String> helloOptions,
                         PortalInstance portal, PortalClient.Member member, HelloApplication hello,
                         BenchSettings settings) {
        Runs measured = runs.computeIfAbsent(treatment, any -> new Runs());
        for (int run = 0; run < settings.startups(); run++) {
            try (MeasuredProcess process = hello.start(helloOptions)) {
                measured.helloStartMillis.add(process.startupTime().toMillis());
                serveHello(hello, settings);
                measured.helloResident.add(process.residentBytes());
                measured.helloResidentFile.add(process.residentFileBytes());
            }
            try (MeasuredProcess process = portal.start(portalOptions)) {
                measured.portalStartMillis.add(process.startupTime().toMillis());
                servePortal(portal, member, settings);
                measured.portalResident.add(process.residentBytes());
                measured.portalResidentFile.add(process.residentFileBytes());
            }
        }
    }

    private static void serveHello(HelloApplication hello, BenchSettings settings) {
        for (int i = 0; i < settings.requestsBeforeMemory(); i++) {
            hello.request();
        }
    }

    private static void servePortal(PortalInstance portal, PortalClient.Member member, BenchSettings settings) {
        PortalClient client = portal.client();
        for (int i = 0; i < settings.requestsBeforeMemory(); i++) {
            client.historyPage(member, null);
        }
    }

    void report(Report report, long coldStartMillis) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Treatment, Runs> entry : runs.entrySet()) {
            Treatment treatment = entry.getKey();
            Runs measured = entry.getValue();
            long portalStart = median(measured.portalStartMillis);
            long helloStart = median(measured.helloStartMillis);
            long portalRss = median(measured.portalResident);
            long helloRss = median(measured.helloResident);
            String startup = "startup to ready (median), " + treatment.description;
            String memory = "resident memory after 1 000 requests (median), " + treatment.description;
            double startRatio = (double) portalStart / helloStart;
            double memoryRatio = (double) portalRss / helloRss;
            if (treatment == goalTreatment()) {
                report.ratio(startup, portalStart + " ms", helloStart + " ms (hello)", startRatio, "≤ 1.5",
                        startRatio <= 1.5);
                report.ratio(memory, Report.mib(portalRss), Report.mib(helloRss) + " (hello)", memoryRatio, "≤ 1.5",
                        memoryRatio <= 1.5);
            } else {
                report.reference(startup, portalStart + " ms", helloStart + " ms (hello)", startRatio);
                report.reference(memory, Report.mib(portalRss), Report.mib(helloRss) + " (hello)", memoryRatio);
            }
            lines.add(treatment.description + ": portal to /health/ready with its full database "
                    + measured.portalStartMillis + " ms, hello to its first 200 " + measured.helloStartMillis
                    + " ms; resident memory after 1 000 requests (portal: first history page, signed in; hello:"
                    + " GET /hello): portal " + measured.portalResident.stream().map(Report::mib).toList()
                    + ", hello " + measured.helloResident.stream().map(Report::mib).toList()
                    + "; of which backed by files (jars, the AOT cache): portal "
                    + measured.portalResidentFile.stream().map(Report::mib).toList() + ", hello "
                    + measured.helloResidentFile.stream().map(Report::mib).toList());
        }
        if (skipped != null) {
            lines.add("not measured with an AOT cache: " + skipped);
        }
        lines.add("portal's very first start (empty data directory: migrations, broker journal): " + coldStartMillis
                + " ms");
        report.section("Startup and memory", lines);
    }

    /** The treatment the goal is judged on: the AOT cache where this JVM has it. */
    private Treatment goalTreatment() {
        return runs.containsKey(Treatment.AOT_CACHE) ? Treatment.AOT_CACHE : Treatment.DEFAULTS;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
