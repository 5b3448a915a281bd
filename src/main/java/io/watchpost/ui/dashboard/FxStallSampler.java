package io.watchpost.ui.dashboard;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Says what lay behind the longest gap between two pulses: how much of it the collectors' stop-the-world pauses
 * account for (the rest is the FX thread's own work, or the thread waiting for a CPU), and, when asked for with
 * {@code -Dwatchpost.bench.stallStacks=true}, what the FX thread was doing while the pulse was overdue.
 */
final class FxStallSampler implements AutoCloseable {

    private static final long OVERDUE_NANOS = 25_000_000L;
    private static final int FRAMES = 6;
    /**
     * Taking another thread's stack is a VM-wide safepoint (5-15 ms each on this 2-core machine, every few ms while
     * a pulse is overdue): it stretches the very stall it looks at, so it is off unless asked for.
     */
    private static final boolean STACKS = Boolean.getBoolean("watchpost.bench.stallStacks");

    private final Thread fxThread;
    private final Thread sampler;
    private final long baseNanos = System.nanoTime();
    private final long baseUptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
    private final List<Runnable> unsubscribe = new ArrayList<>();
    /** Start and end of recent collections, in ms of VM uptime as the collectors report them. */
    private final ArrayDeque<long[]> gcPauses = new ArrayDeque<>();
    private volatile boolean running = true;
    private volatile long lastPulse; // 0 until the first pulse
    private final List<String> current = new ArrayList<>();
    private long longestGap;
    private long longestStart;
    private List<String> longestStacks = List.of();

    FxStallSampler(Thread fxThread) {
        this.fxThread = fxThread;
        this.sampler = new Thread(this::sample, "fx-stall-sampler");
        sampler.setDaemon(true);
        if (STACKS) {
            sampler.start();
        }
        listenToGc();
    }

    /** On the FX thread, at every pulse: closes the gap since the previous one. */
    synchronized void pulse() {
        long now = System.nanoTime();
        long previous = lastPulse;
        if (previous != 0 && now - previous > longestGap) {
            longestGap = now - previous;
            longestStart = previous;
            longestStacks = List.copyOf(current);
        }
        current.clear();
        lastPulse = now;
    }

    /** CPU time the FX thread has used so far: its share of a phase says how much the view itself costs. */
    long fxCpuNanos() {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(fxThread.getId());
    }

    /** The longest gap since the last call, what GC accounts for in it and (if sampled) its stacks; then resets. */
    synchronized String takeLongest() {
        String text = longestGap == 0 ? "no pulses" : describe(longestGap, gcMillisWithin(uptime(longestStart),
                uptime(longestStart + longestGap)), longestStacks, uptime(longestStart));
        longestGap = 0;
        longestStacks = List.of();
        return text;
    }

    private long uptime(long nanos) {
        return baseUptimeMillis + (nanos - baseNanos) / 1_000_000;
    }

    /** Milliseconds of collection that overlap [from, to] (uptime ms), and how many collections touch it. */
    private long[] gcMillisWithin(long from, long to) {
        long total = 0;
        long count = 0;
        for (long[] p : gcPauses) {
            long overlap = Math.min(to, p[1]) - Math.max(from, p[0]);
            if (overlap >= 0) {
                total += overlap;
                count++;
            }
        }
        return new long[]{total, count};
    }

    static String describe(long gapNanos, long[] gc, List<String> stacks, long atUptimeMillis) {
        String text = String.format(Locale.ROOT, "%.0f ms gap at %.1f s of uptime; stop-the-world GC in it: %d ms in %d pauses",
                gapNanos / 1e6, atUptimeMillis / 1000.0, gc[0], gc[1]);
        if (stacks.isEmpty()) {
            return text;
        }
        Map<String, Long> counts = stacks.stream().collect(Collectors.groupingBy(s -> s, LinkedHashMap::new, Collectors.counting()));
        return text + "; FX thread meanwhile:" + counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(3)
                .map(e -> String.format(Locale.ROOT, "%n      %d× %s", e.getValue(), e.getKey())).collect(Collectors.joining());
    }

    /** Every collection's start and end as the collectors report them (G1's young pauses, full GCs, ...). */
    private void listenToGc() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (stopsTheWorld(gc) && gc instanceof NotificationEmitter emitter) {
                NotificationListener listener = (n, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
                        recordGc(info.getStartTime(), info.getEndTime());
                    }
                };
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
        }
    }

    /**
     * Whether a collector bean reports pauses. Concurrent collectors also have a bean for their cycles, which run
     * beside the application and would read as seconds of "pause".
     */
    static boolean stopsTheWorld(GarbageCollectorMXBean gc) {
        return !gc.getName().contains("Cycles") && !gc.getName().equals("ZGC");
    }

    private synchronized void recordGc(long startUptime, long endUptime) {
        gcPauses.addLast(new long[]{startUptime, endUptime});
        while (gcPauses.size() > 4096) {
            gcPauses.removeFirst();
        }
    }

    private void sample() {
        while (running) {
            try {
                Thread.sleep(4);
            } catch (InterruptedException e) {
                return;
            }
            long last = lastPulse;
            if (last != 0 && System.nanoTime() - last > OVERDUE_NANOS) {
                String stack = fxThread.getState() + " " + signature(fxThread.getStackTrace());
                synchronized (this) {
                    if (lastPulse == last) {
                        current.add(stack);
                    }
                }
            }
        }
    }

    private static String signature(StackTraceElement[] stack) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement f : stack) {
            if (frames.size() < 3 || f.getClassName().startsWith("io.watchpost")) {
                frames.add(f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName());
            }
            if (frames.size() >= FRAMES) {
                break;
            }
        }
        return String.join(" < ", frames);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        unsubscribe.forEach(Runnable::run);
    }
}
