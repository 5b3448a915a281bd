package io.watchpost.normalize;

import java.time.Instant;
import java.util.Set;

/**
 * Syslog lines in RFC 3164 ({@code [<PRI>]Mmm dd hh:mm:ss host tag[pid]: message}, as the CloudWatch agent ships
 * /var/log/secure and /var/log/messages) and RFC 5424 ({@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG}).
 * <p>Detection: a line starting with {@code <digits>} or with an English month abbreviation followed by a space.
 * <p>RFC 3164 has no year and no zone: see {@link Timestamps#rfc3164} (UTC, year nearest CloudWatch's timestamp).
 * The tag may be {@code prog[pid]}, {@code prog} or the old {@code prog(pam_unix)[pid]}; a {@code "-- "} before it
 * (seen in real /var/log/messages) is skipped.
 * <p>Source type {@code auth} when the program is an authentication or account tool or the message is a PAM line
 * (see {@link AuthMessageParser} for the actions), else {@code syslog}.
 * <p>ECS: host.hostname, process.name, process.pid, log.syslog.priority/facility.code/severity.code (when a PRI is
 * present), log.syslog.appname/msgid/version and structured data as
 * {@code log.syslog.structured_data.<id>.<param>} (RFC 5424), plus what the auth rules add.
 * <p>Severity: an auth failure WARNING; an account change (user/group created, deleted, locked, password changed,
 * added to a group) NOTICE; other auth lines INFO. Otherwise the PRI's severity when present, else keywords.
 */
final class SyslogParser implements LogParser {

    private static final Set<String> ACCOUNT_CHANGES = Set.of("user_created", "group_created", "user_deleted",
            "group_deleted", "user_added_to_group", "user_removed_from_group", "user_locked", "user_unlocked",
            "user_changed", "password_changed");

    /** Cheap detection on the first characters only. */
    static boolean looksLikeSyslog(String s) {
        if (s.length() < 16) {
            return false;
        }
        char c = s.charAt(0);
        if (c == '<') {
            int gt = s.indexOf('>');
            return gt > 1 && gt <= 4 && Texts.parseIntOr(s, 1, gt, -1) >= 0;
        }
        return c >= 'A' && c <= 'S' && s.charAt(3) == ' ' && Timestamps.month(s, 0) > 0;
    }

    @Override
    public boolean parse(ParseInput in, EventDraft d) {
        String line = Texts.trimEnd(in.text());
        int n = line.length();
        int i = 0;
        int pri = -1;
        if (n > 0 && line.charAt(0) == '<') {
            int gt = line.indexOf('>');
            if (gt < 2 || gt > 4) {
                return false;
            }
            pri = Texts.parseIntOr(line, 1, gt, -1);
            if (pri < 0 || pri > 191) {
                return false;
            }
            i = gt + 1;
        }
        boolean ok;
        if (pri >= 0 && i + 2 < n && line.charAt(i) >= '1' && line.charAt(i) <= '9' && line.charAt(i + 1) == ' ') {
            ok = rfc5424(line, i, in.raw(), d);
        } else {
            ok = rfc3164(line, i, in.raw(), d);
        }
        if (!ok) {
            return false;
        }
        if (pri >= 0) {
            d.put(Ecs.SYSLOG_PRIORITY, Integer.toString(pri));
            d.put(Ecs.SYSLOG_FACILITY, Integer.toString(pri >> 3));
            d.put(Ecs.SYSLOG_SEVERITY, Integer.toString(pri & 7));
        }
        String program = d.fields.get(Ecs.PROCESS_NAME);
        boolean pamTag = d.fields.containsKey("syslog.pam_tag");
        d.fields.remove("syslog.pam_tag");
        String message = d.message;
        boolean auth = pamTag || AuthMessageParser.isAuthProgram(program, message);
        boolean matched = auth && AuthMessageParser.parse(program, pamTag, message, d);
        d.sourceType = auth ? SourceTypes.AUTH : SourceTypes.SYSLOG;
        if (matched) {
            d.put(Ecs.EVENT_KIND, "event");
            d.severity = Ecs.OUTCOME_FAILURE.equals(d.outcome) ? Severity.WARNING
                    : ACCOUNT_CHANGES.contains(d.action) ? Severity.NOTICE : Severity.INFO;
        } else if (pri >= 0) {
            d.severity = fromSyslogSeverity(pri & 7);
        } else {
            d.severity = SeverityWords.of(message);
        }
        return true;
    }

    private static Severity fromSyslogSeverity(int code) {
        return switch (code) {
            case 0, 1, 2 -> Severity.CRITICAL;
            case 3 -> Severity.ERROR;
            case 4 -> Severity.WARNING;
            case 5 -> Severity.NOTICE;
            case 6 -> Severity.INFO;
            default -> Severity.DEBUG;
        };
    }

    private static boolean rfc3164(String line, int i, RawLogEvent raw, EventDraft d) {
        Instant time = Timestamps.rfc3164(line, i, raw.timestamp());
        if (time == null) {
            return false;
        }
        d.eventTime = time;
        int hostStart = i + 15;
        while (hostStart < line.length() && line.charAt(hostStart) == ' ') {
            hostStart++;
        }
        int hostEnd = line.indexOf(' ', hostStart);
        if (hostStart >= line.length()) {
            d.message = "";
            return true;
        }
        if (hostEnd < 0) {
            d.put(Ecs.HOST_HOSTNAME, line.substring(hostStart));
            d.message = "";
            return true;
        }
        d.put(Ecs.HOST_HOSTNAME, line.substring(hostStart, hostEnd));
        int tagStart = hostEnd + 1;
        while (tagStart < line.length() && line.charAt(tagStart) == ' ') {
            tagStart++;
        }
        if (line.startsWith("-- ", tagStart)) {
            tagStart += 3;
        }
        int colon = line.indexOf(':', tagStart);
        int space = line.indexOf(' ', tagStart);
        if (colon > tagStart && colon - tagStart <= 64 && (space < 0 || space > colon)) {
            tag(line.substring(tagStart, colon), d);
            int msgStart = colon + 1;
            if (msgStart < line.length() && line.charAt(msgStart) == ' ') {
                msgStart++;
            }
            d.message = line.substring(msgStart);
        } else {
            d.message = line.substring(tagStart);
        }
        return true;
    }

    /** {@code prog[pid]}, {@code prog}, {@code prog(pam_unix)[pid]}. */
    private static void tag(String tag, EventDraft d) {
        int bracket = tag.indexOf('[');
        String program = bracket > 0 ? tag.substring(0, bracket) : tag;
        if (bracket > 0 && tag.endsWith("]")) {
            d.put(Ecs.PROCESS_PID, tag.substring(bracket + 1, tag.length() - 1));
        }
        int paren = program.indexOf('(');
        if (paren > 0) {
            if (program.startsWith("(pam_unix)", paren)) {
                d.fields.put("syslog.pam_tag", "true");
            }
            program = program.substring(0, paren);
        }
        d.put(Ecs.PROCESS_NAME, program);
    }

    private static boolean rfc5424(String line, int i, RawLogEvent raw, EventDraft d) {
        int n = line.length();
        int versionEnd = line.indexOf(' ', i);
        d.put(Ecs.SYSLOG_VERSION, line.substring(i, versionEnd));
        int[] pos = {versionEnd + 1};
        String ts = field(line, pos);
        String host = field(line, pos);
        String app = field(line, pos);
        String procId = field(line, pos);
        String msgId = field(line, pos);
        if (msgId == null) {
            return false;
        }
        ts = nil(ts);
        host = nil(host);
        app = nil(app);
        procId = nil(procId);
        msgId = nil(msgId);
        if (ts != null) {
            d.eventTime = Timestamps.iso(ts);
            if (d.eventTime == null) {
                return false;
            }
        }
        d.put(Ecs.HOST_HOSTNAME, host);
        d.put(Ecs.SYSLOG_APPNAME, app);
        d.put(Ecs.PROCESS_NAME, app);
        d.put(Ecs.PROCESS_PID, procId);
        d.put(Ecs.SYSLOG_MSGID, msgId);
        int p = pos[0];
        if (p < n && line.charAt(p) == '[') {
            p = structuredData(line, p, d);
            if (p < 0) {
                return false;
            }
        } else if (p < n && line.charAt(p) == '-') {
            p++;
        }
        if (p < n && line.charAt(p) == ' ') {
            p++;
        }
        String msg = p < n ? line.substring(p) : "";
        d.message = msg.startsWith("\uFEFF") ? msg.substring(1) : msg;
        return true;
    }

    private static String nil(String v) {
        return "-".equals(v) ? null : v;
    }

    /** The next space-delimited header field, or null at the end of the line. */
    private static String field(String line, int[] pos) {
        int start = pos[0];
        if (start >= line.length()) {
            return null;
        }
        int end = line.indexOf(' ', start);
        if (end < 0) {
            return null;
        }
        pos[0] = end + 1;
        return line.substring(start, end);
    }

    /** Reads {@code [id k="v" …][id2 …]}, honouring {@code \"}, {@code \]} and {@code \\}; returns the end or -1. */
    private static int structuredData(String line, int p, EventDraft d) {
        int n = line.length();
        while (p < n && line.charAt(p) == '[') {
            int idEnd = p + 1;
            while (idEnd < n && line.charAt(idEnd) != ' ' && line.charAt(idEnd) != ']') {
                idEnd++;
            }
            if (idEnd >= n) {
                return -1;
            }
            String id = line.substring(p + 1, idEnd);
            p = idEnd;
            while (p < n && line.charAt(p) == ' ') {
                int eq = line.indexOf('=', p);
                if (eq < 0 || eq + 1 >= n || line.charAt(eq + 1) != '"') {
                    return -1;
                }
                String name = line.substring(p + 1, eq);
                StringBuilder value = new StringBuilder();
                int q = eq + 2;
                while (q < n && line.charAt(q) != '"') {
                    char c = line.charAt(q);
                    if (c == '\\' && q + 1 < n) {
                        q++;
                        c = line.charAt(q);
                    }
                    value.append(c);
                    q++;
                }
                if (q >= n) {
                    return -1;
                }
                d.put("log.syslog.structured_data." + id + "." + name, value.toString());
                p = q + 1;
            }
            if (p >= n || line.charAt(p) != ']') {
                return -1;
            }
            p++;
        }
        return p;
    }
}
