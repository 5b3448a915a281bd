package io.watchpost.normalize;

/**
 * Lambda's own lines in a function's log group.
 * <p>Detection: the line starts with {@code START RequestId:}, {@code END RequestId:}, {@code REPORT RequestId:},
 * {@code INIT_START}, {@code INIT_REPORT}, {@code EXTENSION}, {@code TELEMETRY}, {@code RESTORE_}; or it is a
 * runtime-prefixed line: {@code <ISO time>\t<request id>\t<LEVEL>\t<message>} (Node.js), {@code [LEVEL]\t<ISO
 * time>\t<request id>\t<message>} (Python), {@code <ISO time> <request id> Task timed out after …}.
 * <p>REPORT lines become metrics (event.kind=metric), numbers without units: {@code aws.lambda.duration_ms},
 * {@code billed_duration_ms}, {@code memory_size_mb}, {@code max_memory_used_mb}, {@code init_duration_ms},
 * {@code restore_duration_ms}, {@code billed_restore_duration_ms}, {@code status}, {@code error_type}; and ECS
 * event.duration (nanoseconds). Every line gets {@code aws.lambda.request_id} when it has one.
 * <p>Record fields: action = the platform keyword (START, END, REPORT, INIT_START …); outcome for REPORT and
 * INIT_REPORT = failure when a Status (timeout, error …) is reported, else success; timeouts are failures.
 * <p>Severity: timeouts and reported error statuses ERROR; runtime lines their level; other platform lines INFO.
 */
final class LambdaParser implements LogParser {

    private static final String[] PLATFORM = {"START RequestId:", "END RequestId:", "REPORT RequestId:",
            "INIT_START", "INIT_REPORT", "INIT_RUNTIME_DONE", "EXTENSION", "TELEMETRY", "RESTORE_START",
            "RESTORE_REPORT", "PLATFORM"};

    static boolean looksLikeLambda(String s) {
        char c = s.isEmpty() ? 0 : s.charAt(0);
        if (c >= 'A' && c <= 'Z') {
            for (String p : PLATFORM) {
                if (s.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }
        if (c == '[') {
            int close = s.indexOf("]\t");
            return close > 1 && close < 10 && s.length() > close + 22 && s.charAt(close + 6) == '-';
        }
        return c >= '0' && c <= '9' && s.length() > 40 && s.charAt(4) == '-' && s.charAt(10) == 'T'
                && runtimeSeparator(s) > 0;
    }

    /** Index of the separator after the leading ISO timestamp, when a request id follows it. */
    private static int runtimeSeparator(String s) {
        int tab = s.indexOf('\t');
        int space = s.indexOf(' ');
        int sep = tab > 0 && (space < 0 || tab < space) ? tab : space;
        if (sep < 20 || sep > 35 || sep + 37 > s.length()) {
            return -1;
        }
        char after = s.charAt(sep + 9);
        return after == '-' ? sep : -1;
    }

    @Override
    public boolean parse(ParseInput in, EventDraft d) {
        String line = Texts.trimEnd(in.text());
        if (!looksLikeLambda(line)) {
            return false;
        }
        d.sourceType = SourceTypes.LAMBDA;
        d.put(Ecs.CLOUD_PROVIDER, "aws");
        char c = line.charAt(0);
        if (c >= 'A' && c <= 'Z') {
            platform(line, d);
        } else if (c == '[') {
            int close = line.indexOf(']');
            String level = line.substring(1, close);
            String[] parts = line.substring(close + 2).split("\t", 3);
            runtime(parts.length > 0 ? parts[0] : null, parts.length > 1 ? parts[1] : null, level,
                    parts.length > 2 ? parts[2] : "", d);
        } else {
            int sep = runtimeSeparator(line);
            String time = line.substring(0, sep);
            int idEnd = line.indexOf(line.charAt(sep), sep + 1);
            String id = line.substring(sep + 1, idEnd < 0 ? line.length() : idEnd);
            String rest = idEnd < 0 ? "" : line.substring(idEnd + 1);
            if (line.charAt(sep) == '\t') {
                int levelEnd = rest.indexOf('\t');
                String level = levelEnd > 0 ? rest.substring(0, levelEnd) : null;
                runtime(time, id, level, levelEnd > 0 ? rest.substring(levelEnd + 1) : rest, d);
            } else {
                runtime(time, id, null, rest, d);
            }
        }
        return true;
    }

    private static void runtime(String time, String requestId, String level, String message, EventDraft d) {
        d.eventTime = Timestamps.iso(time);
        d.put("aws.lambda.request_id", requestId);
        d.put(Ecs.EVENT_KIND, "event");
        d.message = message.trim();
        if (message.startsWith("Task timed out after ")) {
            d.action("timeout");
            d.outcome(Ecs.OUTCOME_FAILURE);
            d.severity = Severity.ERROR;
        } else {
            d.severity = level == null ? SeverityWords.of(message) : Severity.fromWord(level);
        }
        if (level != null) {
            d.put("aws.lambda.level", level);
        }
    }

    private static void platform(String line, EventDraft d) {
        int space = line.indexOf(' ');
        int tab = line.indexOf('\t');
        int end = space < 0 ? tab : tab < 0 ? space : Math.min(space, tab);
        String keyword = end < 0 ? line : line.substring(0, end);
        d.action(keyword);
        d.message = line.replace('\t', ' ');
        int id = line.indexOf("RequestId: ");
        if (id >= 0) {
            d.put("aws.lambda.request_id", Texts.tokenAt(line, id + "RequestId: ".length()).replace("\t", ""));
        }
        boolean report = keyword.endsWith("REPORT");
        d.put(Ecs.EVENT_KIND, report ? "metric" : "event");
        String status = null;
        for (String part : line.split("\t")) {
            int colon = part.indexOf(": ");
            if (colon < 0) {
                continue;
            }
            String key = part.substring(0, colon).trim();
            String value = part.substring(colon + 2).trim();
            switch (key) {
                case "Duration" -> {
                    String ms = number(value);
                    d.put("aws.lambda.duration_ms", ms);
                    d.put(Ecs.EVENT_DURATION, nanos(ms));
                }
                case "Billed Duration" -> d.put("aws.lambda.billed_duration_ms", number(value));
                case "Memory Size" -> d.put("aws.lambda.memory_size_mb", number(value));
                case "Max Memory Used" -> d.put("aws.lambda.max_memory_used_mb", number(value));
                case "Init Duration" -> d.put("aws.lambda.init_duration_ms", number(value));
                case "Restore Duration" -> d.put("aws.lambda.restore_duration_ms", number(value));
                case "Billed Restore Duration" -> d.put("aws.lambda.billed_restore_duration_ms", number(value));
                case "Status" -> status = value;
                case "Error Type" -> d.put("aws.lambda.error_type", value);
                case "Phase" -> d.put("aws.lambda.phase", value);
                case "Version" -> d.put("aws.lambda.version", value);
                case "INIT_START Runtime Version" -> d.put("aws.lambda.runtime_version", value);
                case "Runtime Version ARN" -> d.put("aws.lambda.runtime_version_arn", value);
                default -> {
                }
            }
        }
        d.put("aws.lambda.status", status);
        boolean failed = status != null && !"success".equalsIgnoreCase(status);
        if (report) {
            d.outcome(failed ? Ecs.OUTCOME_FAILURE : Ecs.OUTCOME_SUCCESS);
        }
        d.severity = failed ? Severity.ERROR : Severity.INFO;
    }

    /** "1.76 ms" → "1.76", "128 MB" → "128". */
    private static String number(String value) {
        int space = value.indexOf(' ');
        return space > 0 ? value.substring(0, space) : value;
    }

    private static String nanos(String ms) {
        try {
            return Long.toString(Math.round(Double.parseDouble(ms) * 1_000_000d));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
