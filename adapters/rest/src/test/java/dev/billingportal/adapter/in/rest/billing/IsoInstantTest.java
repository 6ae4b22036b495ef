package dev.billingportal.adapter.in.rest.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link IsoInstant} writes exactly what {@link Instant#toString()} writes, at its edges and anywhere between. */
class IsoInstantTest {
    private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    @Test
    void theEdgesOfTheYearsWrittenByHandAndJustBeyondThem() {
        long[] seconds = {YEAR_0 - 1, YEAR_0, YEAR_0 + 1, -1, 0, 1, 951_782_400L /* 2000-02-29 */, YEAR_10000 - 1,
            YEAR_10000, Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()};
        int[] nanos = {0, 1, 999, 1_000, 1_000_000, 120_000_000, 123_456_000, 999_999_999};
        for (long second : seconds) {
            for (int nano : nanos) {
                assertWrittenAsToStringWrites(Instant.ofEpochSecond(second, nano));
            }
        }
    }

    /** Seeded, so a failure repeats: instants across all of Instant's range, and more within 0000–9999. */
    @Test
    void randomInstantsAreWrittenAsToStringWritesThem() {
        Random random = new Random(20261205);
        for (int i = 0; i < 200_000; i++) {
            long second = i % 10 == 0
                    ? random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond() + 1)
                    : random.nextLong(YEAR_0 - 86_400, YEAR_10000 + 86_400);
            int nano = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            assertWrittenAsToStringWrites(Instant.ofEpochSecond(second, nano));
        }
    }

    private static void assertWrittenAsToStringWrites(Instant instant) {
        char[] text = new char[IsoInstant.MAX_LENGTH];
        int length = IsoInstant.write(instant, text);
        assertEquals(instant.toString(), new String(text, 0, length), () -> "epoch second "
                + instant.getEpochSecond() + ", nano " + instant.getNano());
    }
}
