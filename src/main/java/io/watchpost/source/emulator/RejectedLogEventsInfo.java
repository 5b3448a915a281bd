package io.watchpost.source.emulator;

/**
 * Which events of a PutLogEvents batch were refused, with AWS's index conventions:
 * {@code tooNewLogEventStartIndex} is inclusive (that event and all after it were too new),
 * {@code tooOldLogEventEndIndex} is exclusive (all events before it were too old).
 * A null index means no event of that kind.
 */
public record RejectedLogEventsInfo(Integer tooNewLogEventStartIndex, Integer tooOldLogEventEndIndex,
                                    Integer expiredLogEventEndIndex) {
}
