package dev.billingportal.adapter.in.web.http;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * How many requests each caller (a client address, a session) may make: a token bucket per key, refilled at
 * {@code perMinute} a minute and holding at most a quarter of that — steady use at the limit passes, a burst of a
 * quarter-minute's worth passes, a flood is refused with the wait until the next request would pass. The buckets live
 * in this process (each process of a deployment limits its own share); keys idle long enough to be full again are
 * dropped, so a scan of many addresses cannot grow the map without bound.
 */
public final class RequestAllowance {
    /** More keys than this and the idle ones are dropped (at most once a second). */
    private static final int MAX_KEYS = 50_000;

    private final double capacity;
    private final double perNano;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastPrune = new AtomicLong();

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }

    /** @param perMinute requests a minute per key; 0 lets every request pass */
    public RequestAllowance(int perMinute, LongSupplier nanoClock) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("a rate limit is a number of requests a minute, at least 0");
        }
        this.capacity = Math.max(1, perMinute / 4.0);
        this.perNano = perMinute / 60e9;
        this.nanoClock = nanoClock;
    }

    public boolean unlimited() {
        return perNano == 0;
    }

    /** Takes one request from {@code key}'s allowance: zero if it passes, else how long until one would. */
    public Duration take(String key) {
        if (unlimited()) {
            return Duration.ZERO;
        }
        long now = nanoClock.getAsLong();
        prune(now);
        long[] waitNanos = {0};
        buckets.compute(key, (k, bucket) -> {
            Bucket current = bucket == null ? new Bucket(capacity, now) : bucket;
            current.tokens = Math.min(capacity, current.tokens + (now - current.refilledAt) * perNano);
            current.refilledAt = now;
            if (current.tokens >= 1) {
                current.tokens -= 1;
            } else {
                waitNanos[0] = (long) Math.ceil((1 - current.tokens) / perNano);
            }
            return current;
        });
        return Duration.ofNanos(waitNanos[0]);
    }

    private void prune(long now) {
        long last = lastPrune.get();
        if (buckets.size() <= MAX_KEYS || now - last < 1_000_000_000L || !lastPrune.compareAndSet(last, now)) {
            return;
        }
        long full = (long) (capacity / perNano); // idle this long, a bucket is full: forgetting it changes nothing
        buckets.entrySet().removeIf(entry -> now - entry.getValue().refilledAt >= full);
    }

    /** How many callers are tracked; for tests. */
    int keys() {
        return buckets.size();
    }
}
