package io.watchpost.normalize;

/**
 * Elastic Common Schema field names the parsers fill, so filters read as analysts already write them
 * ({@code event.outcome = failure AND source.ip = 203.0.113.7}). Constants rather than literals so that one typo
 * cannot split a field across formats.
 */
public final class Ecs {
    public static final String EVENT_ACTION = "event.action";
    public static final String EVENT_OUTCOME = "event.outcome";
    public static final String EVENT_CATEGORY = "event.category";
    public static final String EVENT_KIND = "event.kind";
    public static final String EVENT_TYPE = "event.type";
    public static final String EVENT_PROVIDER = "event.provider";
    public static final String EVENT_START = "event.start";
    public static final String EVENT_END = "event.end";
    public static final String EVENT_DURATION = "event.duration";
    public static final String EVENT_SEVERITY = "event.severity";
    public static final String SOURCE_IP = "source.ip";
    public static final String SOURCE_ADDRESS = "source.address";
    public static final String SOURCE_PORT = "source.port";
    public static final String DESTINATION_IP = "destination.ip";
    public static final String DESTINATION_PORT = "destination.port";
    public static final String NETWORK_TRANSPORT = "network.transport";
    public static final String NETWORK_IANA_NUMBER = "network.iana_number";
    public static final String NETWORK_BYTES = "network.bytes";
    public static final String NETWORK_PACKETS = "network.packets";
    public static final String NETWORK_DIRECTION = "network.direction";
    public static final String NETWORK_TYPE = "network.type";
    public static final String USER_NAME = "user.name";
    public static final String USER_ID = "user.id";
    public static final String USER_EFFECTIVE_NAME = "user.effective.name";
    public static final String USER_TARGET_NAME = "user.target.name";
    public static final String USER_TARGET_ID = "user.target.id";
    public static final String GROUP_NAME = "group.name";
    public static final String GROUP_ID = "group.id";
    public static final String USER_AGENT = "user_agent.original";
    public static final String CLOUD_ACCOUNT_ID = "cloud.account.id";
    public static final String CLOUD_REGION = "cloud.region";
    public static final String CLOUD_PROVIDER = "cloud.provider";
    public static final String CLOUD_INSTANCE_ID = "cloud.instance.id";
    public static final String PROCESS_NAME = "process.name";
    public static final String PROCESS_PID = "process.pid";
    public static final String HOST_HOSTNAME = "host.hostname";
    public static final String RULE_NAME = "rule.name";
    public static final String HTTP_STATUS = "http.response.status_code";
    public static final String HTTP_METHOD = "http.request.method";
    public static final String URL_PATH = "url.path";
    public static final String SYSLOG_PRIORITY = "log.syslog.priority";
    public static final String SYSLOG_FACILITY = "log.syslog.facility.code";
    public static final String SYSLOG_SEVERITY = "log.syslog.severity.code";
    public static final String SYSLOG_APPNAME = "log.syslog.appname";
    public static final String SYSLOG_MSGID = "log.syslog.msgid";
    public static final String SYSLOG_VERSION = "log.syslog.version";

    public static final String OUTCOME_SUCCESS = "success";
    public static final String OUTCOME_FAILURE = "failure";
    public static final String OUTCOME_UNKNOWN = "unknown";

    private Ecs() {
    }
}
