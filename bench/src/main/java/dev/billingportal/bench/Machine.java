package dev.billingportal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A line describing the machine the run happened on, read from /proc. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        String cpu = first(Path.of("/proc/cpuinfo"), "model name");
        String memory = first(Path.of("/proc/meminfo"), "MemTotal");
        long memoryKib = memory.isEmpty() ? 0 : Long.parseLong(memory.replaceAll("[^0-9]", ""));
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB memory, %s %s",
                Runtime.getRuntime().availableProcessors(), cpu.isEmpty() ? "unknown CPU" : cpu,
                memoryKib / 1024.0 / 1024.0, System.getProperty("os.name"), System.getProperty("os.version"));
    }

    private static String first(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("");
        } catch (IOException unreadable) {
            return "";
        }
    }
}
