package io.watchpost.ui.dashboard;

import io.watchpost.store.Rollups;
import io.watchpost.store.TimeRange;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Dashboard's arithmetic without FX: bucket sizes, the baseline band, partial buckets, click mapping. */
class DashboardLogicTest {

    private static final long NOW = 1_790_000_030_000L;

    @Test
    void bucketsStayUnderNineHundredAndUseSecondsOnlyInsideTheLastHour() {
        assertEquals(1_000, TimeWindow.step(TimeWindow.PRESETS.get(0).range(NOW), NOW, Rollups.SECOND_TABLES_SPAN_MILLIS));
        assertEquals(5_000, TimeWindow.step(TimeWindow.PRESETS.get(1).range(NOW), NOW, Rollups.SECOND_TABLES_SPAN_MILLIS));
        assertEquals(60_000, TimeWindow.step(TimeWindow.PRESETS.get(2).range(NOW), NOW, Rollups.SECOND_TABLES_SPAN_MILLIS));
        assertEquals(900_000, TimeWindow.step(TimeWindow.PRESETS.get(4).range(NOW), NOW, Rollups.SECOND_TABLES_SPAN_MILLIS));
        // Fifteen minutes a day ago: short, but the per-second rollups are gone, so whole minutes.
        TimeRange old = new TimeRange(NOW - 86_400_000, NOW - 86_400_000 + 900_000);
        assertEquals(60_000, TimeWindow.step(old, NOW, Rollups.SECOND_TABLES_SPAN_MILLIS));
    }

    @Test
    void baselineFlagsASpikeButNotTheNoiseAroundIt() {
        double[] volume = new double[40];
        Arrays.fill(volume, 100);
        for (int i = 0; i < volume.length; i++) {
            volume[i] += (i % 3) * 5;
        }
        volume[25] = 400;
        Baseline b = Baseline.learn(volume);
        for (int i = 0; i < volume.length; i++) {
            assertEquals(i == 25, b.anomalous()[i], "point " + i);
        }
        assertTrue(b.sigma()[30] * Baseline.K < 100, "the spike did not blow the band open: " + b.sigma()[30]);
    }

    @Test
    void partialBucketsAtEitherEndAreLeftOut() {
        TimeRange range = new TimeRange(NOW - 150_000, NOW + 1_000);
        long[] all = DashboardLoader.buckets(range, 60_000);
        long[] complete = DashboardLoader.complete(all, range, 60_000, NOW);
        // NOW is 1790000030000: the minute from 1789999860000 starts before the window, the one from 1789999980000
        // is still filling; only 1789999920000 is whole.
        assertEquals(3, all.length);
        assertArrayEquals(new long[]{1_789_999_920_000L}, complete);
    }

    @Test
    void aBucketIsTheStepContainingTheClickedTime() {
        assertArrayEquals(new long[]{1_790_000_040_000L, 1_790_000_100_000L}, BucketRequests.bucketAt(1_790_000_099.9, 60_000));
        assertEquals("user.name = \"a \\\"b\\\"\"", ExplorerRequest.equalsTerm("user.name", "a \"b\""));
    }

    @Test
    void aCustomRangeIsReadInUtcAndKeptInsideTheCache() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 3, 1);
        long midnight = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
        TimeRange cache = new TimeRange(midnight + 3_600_000, midnight + 10 * 3_600_000);
        assertEquals(new TimeRange(midnight + 2 * 3_600_000 + 30 * 60_000, midnight + 4 * 3_600_000),
                CustomRanges.parse(day, "02:30", day, "04:00", cache).range());
        assertEquals(cache, CustomRanges.parse(day.minusDays(1), "00:00", day.plusDays(1), " 00:00 ", cache).range(), "clamped");
        assertEquals("times are HH:mm (UTC), e.g. 09:30", CustomRanges.parse(day, "9h", day, "04:00", cache).problem());
        assertEquals("the range must end after it starts, inside what the cache holds",
                CustomRanges.parse(day, "05:00", day, "04:00", cache).problem());
        assertEquals("the cache holds no events yet", CustomRanges.parse(day, "05:00", day, "04:00", null).problem());
    }

    @Test
    void theStackKeepsItsOrderAcrossRefreshesAndPutsNewTypesOnTop() {
        long[] buckets = {0, 1_000};
        List<io.watchpost.store.VolumeRow> rows = List.of(new io.watchpost.store.VolumeRow(0, "auth", 5, 0),
                new io.watchpost.store.VolumeRow(0, "cloudtrail", 9, 0), new io.watchpost.store.VolumeRow(1_000, "vpcflow", 3, 0));
        assertEquals(List.of("cloudtrail", "auth", "vpcflow"), names(DashboardLoader.stack(rows, buckets, 1_000, List.of())), "biggest at the bottom");
        assertEquals(List.of("auth", "cloudtrail", "vpcflow"), names(DashboardLoader.stack(rows, buckets, 1_000, List.of("auth", "cloudtrail"))),
                "known types keep their places though cloudtrail is bigger now; the new one goes on top");
        double[] top = DashboardLoader.stack(rows, buckets, 1_000, List.of("auth", "cloudtrail")).get(2).y();
        assertArrayEquals(new double[]{14, 3}, top, "running sums");
    }

    private static List<String> names(List<Series> stack) {
        return stack.stream().map(Series::name).toList();
    }
}
