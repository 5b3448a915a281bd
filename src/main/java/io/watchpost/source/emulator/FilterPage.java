package io.watchpost.source.emulator;

import java.util.List;

/** One FilterLogEvents page; {@code nextToken} is null when no further matching event remains. */
public record FilterPage(List<FilteredEvent> events, List<String> searchedLogStreams, String nextToken) {
}
