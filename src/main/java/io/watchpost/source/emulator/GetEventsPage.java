package io.watchpost.source.emulator;

import java.util.List;

/** One GetLogEvents page with AWS's "f/..." and "b/..." continuation tokens. */
public record GetEventsPage(List<OutputLogEvent> events, String nextForwardToken, String nextBackwardToken) {
}
