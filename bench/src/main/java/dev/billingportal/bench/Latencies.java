package dev.billingportal.bench;

import org.HdrHistogram.Histogram;

/** Latencies of one kind of operation, recorded in nanoseconds, read back in milliseconds. */
final class Latencies {
    private final Histogram histogram = new Histogram(3_600_000_000_000L, 3);

    synchronized void record(long nanos) {
        histogram.recordValue(Math.max(1, nanos));
    }

    synchronized long count() {
        return histogram.getTotalCount();
    }

    synchronized double p50Millis() {
        return histogram.getValueAtPercentile(50) / 1e6;
    }

    synchronized double p99Millis() {
        return histogram.getValueAtPercentile(99) / 1e6;
    }

    /** The latency at {@code percentile} (0–100), in milliseconds. */
    synchronized double atPercentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    synchronized double maxMillis() {
        return histogram.getMaxValue() / 1e6;
    }

    @Override
    public synchronized String toString() {
        return "n=%d p50=%.3f ms p99=%.3f ms max=%.3f ms".formatted(count(), p50Millis(), p99Millis(), maxMillis());
    }
}
