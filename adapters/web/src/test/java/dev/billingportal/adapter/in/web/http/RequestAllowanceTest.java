package dev.billingportal.adapter.in.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestAllowanceTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstOfAQuarterMinutesWorthPassesThenTheWaitIsUntilTheNextRequestWould() {
        RequestAllowance allowance = new RequestAllowance(120, nanos::get); // 2 a second, bursts of 30

        for (int i = 0; i < 30; i++) {
            assertEquals(Duration.ZERO, allowance.take("10.0.0.1"), "request " + i);
        }
        Duration wait = allowance.take("10.0.0.1");
        assertEquals(Duration.ofMillis(500), wait, "one request's worth at 2 a second");
        assertEquals(Duration.ZERO, allowance.take("10.0.0.2"), "another caller has its own allowance");

        nanos.addAndGet(wait.toNanos());
        assertEquals(Duration.ZERO, allowance.take("10.0.0.1"), "passes once the wait is over");
        assertTrue(allowance.take("10.0.0.1").compareTo(Duration.ZERO) > 0, "and only that one");
    }

    @Test
    void steadyUseAtTheLimitPasses() {
        RequestAllowance allowance = new RequestAllowance(60, nanos::get);
        for (int i = 0; i < 100; i++) {
            nanos.addAndGet(1_000_000_000L);
            assertEquals(Duration.ZERO, allowance.take("integration"), "second " + i);
        }
    }

    @Test
    void zeroSwitchesTheLimitOffAndIdleCallersAreForgotten() {
        RequestAllowance off = new RequestAllowance(0, nanos::get);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(Duration.ZERO, off.take("flood"));
        }
        assertEquals(0, off.keys(), "nothing tracked when off");

        RequestAllowance allowance = new RequestAllowance(60, nanos::get);
        for (int i = 0; i < 50_001; i++) {
            allowance.take("scanner-" + i);
        }
        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        allowance.take("one more");
        assertEquals(1, allowance.keys(), "callers idle until their allowance is whole again are dropped");
    }
}
