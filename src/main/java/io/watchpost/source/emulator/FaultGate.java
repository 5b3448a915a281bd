package io.watchpost.source.emulator;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fault injection for the embedded endpoint: throttles, fails, slows or cuts a seeded share of the requests of the
 * chosen operations (by default the reads Watchpost makes), so retry and resume are exercised through the real
 * SDK. Counts what it did, for tests and the bench. Combine with quotas: {@code QuotaGate.awsDefaults().andThen(faults)}.
 */
public final class FaultGate implements RequestGate {

    /** Operations faults apply to unless told otherwise: what ingestion calls, not what tests use to load data. */
    public static final Set<String> READ_OPERATIONS = Set.of("FilterLogEvents", "GetLogEvents", "DescribeLogStreams",
            "DescribeLogGroups");

    private final FaultPlan plan;
    private final Set<String> operations;
    private final Random random;
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong slowed = new AtomicLong();
    private final AtomicLong cut = new AtomicLong();
    private final AtomicLong admitted = new AtomicLong();
    /** Set by admit for the response of the same request (same server thread). */
    private final ThreadLocal<Boolean> cutNext = ThreadLocal.withInitial(() -> false);

    public FaultGate(FaultPlan plan) {
        this(plan, READ_OPERATIONS);
    }

    public FaultGate(FaultPlan plan, Set<String> operations) {
        this.plan = plan;
        this.operations = Set.copyOf(operations);
        this.random = new Random(plan.seed());
    }

    @Override
    public void admit(String operation) {
        cutNext.set(false);
        if (!operations.contains(operation)) {
            return;
        }
        double a;
        double b;
        double c;
        double d;
        boolean which;
        synchronized (random) {
            a = random.nextDouble();
            b = random.nextDouble();
            c = random.nextDouble();
            d = random.nextDouble();
            which = random.nextBoolean();
        }
        if (a < plan.throttle()) {
            throttled.incrementAndGet();
            throw EmulatorException.throttled();
        }
        if (b < plan.fail()) {
            failed.incrementAndGet();
            throw which ? new EmulatorException("ServiceUnavailableException", "Service unavailable (injected)", 503)
                    : new EmulatorException("InternalFailure", "Internal failure (injected)", 500);
        }
        if (c < plan.slow() && plan.slowMillis() > 0) {
            slowed.incrementAndGet();
            try {
                Thread.sleep(plan.slowMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        admitted.incrementAndGet();
        cutNext.set(d < plan.cut());
    }

    @Override
    public OutputStream wrapResponse(String operation, OutputStream body) {
        if (!cutNext.get()) {
            return body;
        }
        cutNext.set(false);
        cut.incrementAndGet();
        return new CuttingStream(body, 64);
    }

    public long throttled() {
        return throttled.get();
    }

    public long failed() {
        return failed.get();
    }

    public long slowed() {
        return slowed.get();
    }

    public long cut() {
        return cut.get();
    }

    /** Requests let through (possibly slowed or cut). */
    public long admitted() {
        return admitted.get();
    }

    /** Writes the first {@code keep} bytes, then fails as a dropped connection would. */
    private static final class CuttingStream extends FilterOutputStream {
        private long left;

        CuttingStream(OutputStream out, long keep) {
            super(out);
            this.left = keep;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int n = (int) Math.min(len, left);
            out.write(b, off, n);
            left -= n;
            if (n < len) {
                out.flush();
                throw new IOException("response cut (injected fault)");
            }
        }

        @Override
        public void close() throws IOException {
            if (left <= 0) {
                throw new IOException("response cut (injected fault)");
            }
            out.close();
        }
    }
}
