package io.watchpost.sync;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter between retries of an unreachable target: doubling from {@code initial} up to
 * {@code max}, each delay drawn between half and all of that. The jitter keeps a team's workstations from all
 * reconnecting in the same second when the shared server comes back.
 */
public record Backoff(Duration initial, Duration max, DoubleSupplier random) {

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), Math::random);
    }

    public static Backoff of(Duration initial, Duration max) {
        return new Backoff(initial, max, Math::random);
    }

    /** The wait before retry number {@code failures} (1 after the first failure). */
    public Duration delay(int failures) {
        long ceiling = initial.toMillis();
        for (int i = 1; i < failures && ceiling < max.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max.toMillis());
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }
}
