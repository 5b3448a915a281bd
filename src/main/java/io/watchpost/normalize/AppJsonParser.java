package io.watchpost.normalize;

import java.util.Map;

/**
 * Application JSON of any shape (the fallback for JSON objects no other parser claims): every key flattened with
 * dotted names and array indexes, kept under its own name.
 * <p>Record fields, first key present wins: time = timestamp, @timestamp, time, ts, datetime; severity = level,
 * severity, log.level, levelname, lvl, loglevel (else keywords in the message); message = message, msg, @message,
 * log, text; user = user.name, user, userName, username, user.id; sourceIp = source.ip, client_ip, clientIp,
 * http.client_ip, remote_addr, ip; action = event.action, action; outcome = event.outcome, else from an HTTP status
 * (&lt; 400 success, else failure).
 * <p>ECS added when the source has the value under another name: event.kind=event, user_agent.original,
 * http.response.status_code, http.request.method, url.path.
 */
final class AppJsonParser implements LogParser {

    @Override
    public boolean parse(ParseInput in, EventDraft d) {
        Map<String, String> f = in.json();
        if (f == null) {
            return false;
        }
        d.sourceType = SourceTypes.JSON;
        d.eventTime = Timestamps.any(Texts.firstNonNull(f.get("timestamp"), f.get("@timestamp"), f.get("time"),
                f.get("ts"), f.get("datetime")));
        String level = Texts.firstNonNull(f.get("level"), f.get("severity"), f.get("log.level"), f.get("levelname"),
                f.get("lvl"), f.get("loglevel"));
        String text = Texts.firstNonNull(f.get("message"), f.get("msg"), f.get("@message"), f.get("log"), f.get("text"));
        d.message = text != null ? text : in.text();
        d.severity = level != null ? Severity.fromWord(level) : SeverityWords.of(d.message);
        String status = Texts.firstNonNull(f.get("http.status"), f.get("http.response.status_code"), f.get("status"),
                f.get("statusCode"));
        String outcome = f.get("event.outcome");
        if (outcome == null && status != null) {
            int code = Texts.parseIntOr(status, 0, status.length(), -1);
            outcome = code >= 100 && code < 600 ? (code < 400 ? Ecs.OUTCOME_SUCCESS : Ecs.OUTCOME_FAILURE) : null;
        }
        d.action(Texts.firstNonNull(f.get("event.action"), f.get("action")));
        d.outcome(outcome);
        d.user(Texts.firstNonNull(f.get("user.name"), f.get("user"), f.get("userName"), f.get("username"),
                f.get("user.id")));
        d.sourceIp(Texts.firstNonNull(f.get("source.ip"), f.get("client_ip"), f.get("clientIp"),
                f.get("http.client_ip"), f.get("remote_addr"), f.get("ip")));
        d.put(Ecs.EVENT_KIND, "event");
        d.put(Ecs.USER_AGENT, Texts.firstNonNull(f.get("http.user_agent"), f.get("user_agent"), f.get("userAgent")));
        d.put(Ecs.HTTP_STATUS, status);
        d.put(Ecs.HTTP_METHOD, Texts.firstNonNull(f.get("http.method"), f.get("method")));
        d.put(Ecs.URL_PATH, Texts.firstNonNull(f.get("http.path"), f.get("path")));
        return true;
    }
}
