package dev.billingportal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much time a JVM's JIT compilers have spent so far: another JVM's read with {@code jcmd <pid>
 * PerfCounter.print} (HotSpot's {@code java.ci.totalTime}), the bench's own from its compilation MXBean. The
 * bench warms the portal and its baselines until compiling no longer takes a noticeable share of the machine
 * ({@link JitSettling}), so that what it measures is the code, not the JIT working through it.
 */
final class JitActivity {
    private static final Pattern TOTAL_TIME = Pattern.compile("(?m)^java\\.ci\\.totalTime=(\\d+)$");
    private static final Pattern FREQUENCY = Pattern.compile("(?m)^sun\\.os\\.hrt\\.frequency=(\\d+)$");

    private JitActivity() {
    }

    /** The compile time the bench's own JVM has accumulated. */
    static Duration ownCompileTime() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            throw new IllegalStateException("this JVM does not report its JIT compile time");
        }
        return Duration.ofMillis(jit.getTotalCompilationTime());
    }

    /** The compile time the JVM with process id {@code pid} has accumulated. */
    static Duration compileTime(long pid) {
        String counters = jcmd(pid);
        Matcher total = TOTAL_TIME.matcher(counters);
        Matcher frequency = FREQUENCY.matcher(counters);
        if (!total.find() || !frequency.find()) {
            throw new IllegalStateException("jcmd printed no JIT counters for " + pid);
        }
        double seconds = Long.parseLong(total.group(1)) / (double) Long.parseLong(frequency.group(1));
        return Duration.ofNanos((long) (seconds * 1e9));
    }

    private static String jcmd(long pid) {
        Path java = Path.of(Jvm.java());
        Path jcmd = java.resolveSibling("jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "PerfCounter.print")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + pid + " PerfCounter.print failed: " + output);
            }
            return output;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
