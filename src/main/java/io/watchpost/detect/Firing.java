package io.watchpost.detect;

import java.time.Instant;
import java.util.List;

/** A detector's raw output, before suppression folds repeats into alerts. */
record Firing(Rule rule, String groupKey, Instant first, Instant last, List<EventRef> events, String summary) {
}
