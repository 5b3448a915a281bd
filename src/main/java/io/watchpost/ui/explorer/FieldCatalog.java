package io.watchpost.ui.explorer;

import java.util.List;

/**
 * Field names the filter bar offers before any event was seen: the model's columns under their ECS and model names
 * and the ECS names the normalizer adds. Keys seen in recent results are added by the view model.
 */
final class FieldCatalog {

    static final List<String> KNOWN = List.of(
            "@timestamp", "event.action", "event.outcome", "event.dataset", "event.id", "event.ingested",
            "log.level", "log.group", "log.stream", "user.name", "source.ip", "message", "parseError",
            "logGroup", "logStream", "eventId", "sourceType", "severity", "action", "outcome", "user", "sourceIp",
            "eventTime", "ingestTime",
            "source.port", "destination.ip", "destination.port", "network.transport", "cloud.region",
            "cloud.account.id", "user_agent.original", "http.status", "error.code",
            "eventName", "eventSource", "errorCode", "awsRegion", "sourceIPAddress", "userIdentity.arn",
            "userIdentity.type", "userIdentity.userName", "userIdentity.accessKeyId");

    /** What the sidebar summarizes: the columns every event has plus the ones investigations pivot on most. */
    static final List<String> SIDEBAR = List.of("severity", "event.dataset", "log.group", "event.action",
            "event.outcome", "user.name", "source.ip");

    /** Pivot targets for "all events of this … within ±N minutes": the field that names the actor or address. */
    static final List<String> ACTOR_FIELDS = List.of("user.name", "source.ip", "userIdentity.accessKeyId");

    private FieldCatalog() {
    }
}
