package io.watchpost.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The rollup increments of one append, summed in memory from one scan of the new rows, then merged into the V8
 * tables with one batched statement per table. Bins and kinds as documented in V8__rollups.sql.
 */
final class RollupBatch {

    private record MinuteKey(long bucket, String logGroup, String sourceType, String severity) {
    }

    private record SecondKey(long bucket, String logGroup, String sourceType) {
    }

    private record BinKey(long bucket, int bin) {
    }

    private record TalkerKey(long bucket, String kind, String talker) {
    }

    /** {@code outcome} may be null. */
    private record ActionMinuteKey(String action, String outcome, long minute, String severity, String sourceType) {
    }

    /** events, bytes, latency sum, latency max. */
    private static final class Sums {
        long events;
        long bytes;
        long latencySum;
        long latencyMax;

        void add(long size, long latency) {
            events++;
            bytes += size;
            latencySum += latency;
            latencyMax = Math.max(latencyMax, latency);
        }
    }

    private final long secondsFrom;
    private final Map<MinuteKey, Sums> minutes = new HashMap<>();
    private final Map<SecondKey, Sums> seconds = new HashMap<>();
    private final Map<BinKey, long[]> minuteBins = new HashMap<>();
    private final Map<BinKey, long[]> secondBins = new HashMap<>();
    private final Map<TalkerKey, long[]> talkers = new HashMap<>();
    private final Map<ActionMinuteKey, long[]> actions = new HashMap<>();
    private long lastSeq;
    private long oldestEventTime = Long.MAX_VALUE;

    /** @param secondsFrom events older than this only go into the per-minute tables */
    RollupBatch(long secondsFrom) {
        this.secondsFrom = secondsFrom;
    }

    static int latencyBin(long latencyMillis) {
        return latencyMillis < 1 ? 0 : 1 + (int) Math.floor(Math.log10(latencyMillis) * 8);
    }

    void add(long seq, long eventTime, long ingestTime, String logGroup, String sourceType, String severity, long size,
             String action, String outcome, String user, String sourceIp) {
        lastSeq = Math.max(lastSeq, seq);
        oldestEventTime = Math.min(oldestEventTime, eventTime);
        long latency = Math.max(0, ingestTime - eventTime);
        long minute = eventTime - Math.floorMod(eventTime, 60_000L);
        int bin = latencyBin(latency);
        minutes.computeIfAbsent(new MinuteKey(minute, logGroup, sourceType, severity), k -> new Sums()).add(size, latency);
        minuteBins.computeIfAbsent(new BinKey(minute, bin), k -> new long[1])[0]++;
        if (eventTime >= secondsFrom) {
            long second = eventTime - Math.floorMod(eventTime, 1000L);
            seconds.computeIfAbsent(new SecondKey(second, logGroup, sourceType), k -> new Sums()).add(size, latency);
            secondBins.computeIfAbsent(new BinKey(second, bin), k -> new long[1])[0]++;
        }
        if (action != null) {
            actions.computeIfAbsent(new ActionMinuteKey(action, outcome, minute, severity, sourceType), k -> new long[1])[0]++;
        }
        if (sourceIp != null) {
            talker(minute, "ip", sourceIp);
        }
        if (user != null) {
            talker(minute, "user", user);
        }
        if (action != null && "cloudtrail".equals(sourceType)) {
            talker(minute, "action", action);
        }
        if (sourceIp != null && "vpcflow".equals(sourceType) && "failure".equals(outcome)) {
            talker(minute, "rejected", sourceIp);
        }
    }

    private void talker(long minute, String kind, String value) {
        talkers.computeIfAbsent(new TalkerKey(minute, kind, value), k -> new long[1])[0]++;
    }

    boolean isEmpty() {
        return lastSeq == 0;
    }

    long lastSeq() {
        return lastSeq;
    }

    long oldestEventTime() {
        return oldestEventTime;
    }

    void write(Connection c, String mergeMinute, String mergeSecond, String mergeMinuteBins, String mergeSecondBins,
               String mergeTalkers, String mergeActions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(mergeMinute)) {
            for (Map.Entry<MinuteKey, Sums> e : minutes.entrySet()) {
                MinuteKey k = e.getKey();
                Sums s = e.getValue();
                ps.setLong(1, k.bucket());
                ps.setString(2, k.logGroup());
                ps.setString(3, k.sourceType());
                ps.setString(4, k.severity());
                sums(ps, 5, s);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (!seconds.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(mergeSecond)) {
                for (Map.Entry<SecondKey, Sums> e : seconds.entrySet()) {
                    SecondKey k = e.getKey();
                    ps.setLong(1, k.bucket());
                    ps.setString(2, k.logGroup());
                    ps.setString(3, k.sourceType());
                    sums(ps, 4, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        bins(c, mergeMinuteBins, minuteBins);
        bins(c, mergeSecondBins, secondBins);
        if (!talkers.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(mergeTalkers)) {
                for (Map.Entry<TalkerKey, long[]> e : talkers.entrySet()) {
                    ps.setLong(1, e.getKey().bucket());
                    ps.setString(2, e.getKey().kind());
                    ps.setString(3, e.getKey().talker());
                    ps.setLong(4, e.getValue()[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!actions.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(mergeActions)) {
                for (Map.Entry<ActionMinuteKey, long[]> e : actions.entrySet()) {
                    ActionMinuteKey k = e.getKey();
                    ps.setString(1, k.action());
                    ps.setString(2, k.outcome());
                    ps.setLong(3, k.minute());
                    ps.setString(4, k.severity());
                    ps.setString(5, k.sourceType());
                    ps.setLong(6, e.getValue()[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static void sums(PreparedStatement ps, int first, Sums s) throws SQLException {
        ps.setLong(first, s.events);
        ps.setLong(first + 1, s.bytes);
        ps.setLong(first + 2, s.latencySum);
        ps.setLong(first + 3, s.latencyMax);
    }

    private static void bins(Connection c, String sql, Map<BinKey, long[]> bins) throws SQLException {
        if (bins.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<BinKey, long[]> e : bins.entrySet()) {
                ps.setLong(1, e.getKey().bucket());
                ps.setInt(2, e.getKey().bin());
                ps.setLong(3, e.getValue()[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
