package io.watchpost.detect.alerts;

import io.watchpost.detect.Alert;

import java.time.Instant;

/** An alert as stored, with its triage: state, the analyst's note (or null), and when the row last changed. */
public record StoredAlert(Alert alert, TriageState state, String note, Instant updatedAt) {
}
