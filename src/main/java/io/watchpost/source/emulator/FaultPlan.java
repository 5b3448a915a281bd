package io.watchpost.source.emulator;

/**
 * Shares (0..1) of requests the {@link FaultGate} spoils, each drawn independently from a seeded generator.
 *
 * @param throttle   answered ThrottlingException (HTTP 400), as AWS does over a quota
 * @param fail       answered 5xx: ServiceUnavailableException (503) or InternalFailure (500), half each
 * @param slow       delayed by {@code slowMillis} before being served
 * @param cut        a successful response whose body is cut off mid-stream (the connection drops)
 */
public record FaultPlan(double throttle, double fail, double slow, long slowMillis, double cut, long seed) {

    public static final FaultPlan NONE = new FaultPlan(0, 0, 0, 0, 0, 1);

    public FaultPlan {
        for (double share : new double[]{throttle, fail, slow, cut}) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("fault shares must be between 0 and 1, got " + share);
            }
        }
        if (slowMillis < 0) {
            throw new IllegalArgumentException("slowMillis must be >= 0");
        }
    }
}
