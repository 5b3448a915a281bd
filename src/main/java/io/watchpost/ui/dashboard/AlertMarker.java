package io.watchpost.ui.dashboard;

import io.watchpost.normalize.Severity;

/** An alert drawn on the Dashboard's time axis (the detection engine will supply them). */
public record AlertMarker(long timeMillis, Severity severity, String title) {
}
