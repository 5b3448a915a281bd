package io.watchpost.detect;

import java.time.Instant;
import java.util.List;

/**
 * A rule's firing for one group over a time span, with the events that made it fire. Repeated firings within the
 * rule's suppression window fold into the same alert (same id, {@code firings} counts them).
 */
public record Alert(String id, String ruleId, String ruleTitle, RuleSeverity severity, String author, List<String> tags,
                    String groupKey, Instant firstTime, Instant lastTime, int firings, List<EventRef> events,
                    String summary) {
    public Alert {
        tags = List.copyOf(tags);
        events = List.copyOf(events);
    }
}
