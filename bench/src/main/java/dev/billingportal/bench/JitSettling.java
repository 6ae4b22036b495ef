package dev.billingportal.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Repeats some work, uncounted, in rounds until a JVM's JIT has settled: until compiling takes less than a tenth
 * of two rounds in a row, or a time limit passes. Two in a row, because HotSpot counts a compilation's time only
 * once it finishes: a long C2 compilation in progress is invisible to the round it runs in. The portal's warm-up
 * ({@link WarmUp}) and each baseline's go through it, so that every side is measured warm — a baseline measured
 * while C2 still compiled beside it (seen with {@code top -H} after a fixed 1 000 warm-up pages) flatters the
 * portal's ratio as much as a cold portal spoils it.
 */
final class JitSettling {
    /** Compiling for less than this share of a round's time counts as quiet. */
    private static final double SETTLED = 0.10;

    /** A piece of the work; a round repeats it until the round's minimum length has passed. */
    interface Work {
        void run() throws Exception;
    }

    private int rounds;
    private double lastShare = Double.NaN;
    private Duration took = Duration.ZERO;
    private Duration compileTime = Duration.ZERO;
    private boolean settled;

    private JitSettling() {
    }

    /**
     * Runs at least {@code minimumRounds} rounds of at least {@code minimumRound} each, then more until settled or
     * {@code limit} has passed. {@code compileTime} reads the watched JVM's total compile time so far.
     */
    static JitSettling run(String name, Supplier<Duration> compileTime, Duration minimumRound, int minimumRounds,
                           Duration limit, Work work) throws Exception {
        JitSettling settling = new JitSettling();
        long started = System.nanoTime();
        Duration compiled = compileTime.get();
        int quietRounds = 0;
        do {
            long roundStarted = System.nanoTime();
            do {
                work.run();
            } while (System.nanoTime() - roundStarted < minimumRound.toNanos());
            long roundNanos = System.nanoTime() - roundStarted;
            Duration nowCompiled = compileTime.get();
            settling.lastShare = nowCompiled.minus(compiled).toNanos() / (double) roundNanos;
            compiled = nowCompiled;
            settling.rounds++;
            quietRounds = settling.lastShare < SETTLED ? quietRounds + 1 : 0;
            System.out.printf(Locale.ROOT, "[bench] %s, warm-up round %d: %.1f s, JIT %.1f %%%n", name,
                    settling.rounds, roundNanos / 1e9, settling.lastShare * 100);
        } while ((settling.rounds < minimumRounds || quietRounds < 2)
                && System.nanoTime() - started < limit.toNanos());
        settling.took = Duration.ofNanos(System.nanoTime() - started);
        settling.compileTime = compiled;
        settling.settled = quietRounds >= 2;
        return settling;
    }

    /** The watched JVM's total compile time when the warm-up ended. */
    Duration compileTime() {
        return compileTime;
    }

    /** For the report: how long it warmed, and whether the JIT got quiet or the time limit ended it. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d round(s) in %.1f s, %s %.0f %% of two rounds in a row (last: %.1f %%)",
                rounds, took.toMillis() / 1000.0, settled ? "until the JIT compiled for less than"
                        : "stopped at the time limit with the JIT not yet under", SETTLED * 100, lastShare * 100);
    }
}
