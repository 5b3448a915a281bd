package io.watchpost.source.emulator;

import java.util.regex.Pattern;

/** AWS's naming constraints for log groups and streams, with its validation-error wording. */
final class NameRules {

    static final String GROUP_PATTERN = "[\\.\\-_/#A-Za-z0-9]+";
    private static final Pattern GROUP = Pattern.compile(GROUP_PATTERN);
    static final String STREAM_PATTERN = "[^:*]*";
    private static final Pattern STREAM = Pattern.compile(STREAM_PATTERN);

    private NameRules() {
    }

    static void checkGroupName(String name, String member) {
        if (name == null) {
            throw EmulatorException.constraint("null", member, "Member must not be null");
        }
        checkLength(name, member);
        if (!GROUP.matcher(name).matches()) {
            throw EmulatorException.constraint("'" + name + "'", member,
                    "Member must satisfy regular expression pattern: " + GROUP_PATTERN);
        }
    }

    static void checkStreamName(String name, String member) {
        if (name == null) {
            throw EmulatorException.constraint("null", member, "Member must not be null");
        }
        checkLength(name, member);
        if (!STREAM.matcher(name).matches()) {
            throw EmulatorException.constraint("'" + name + "'", member,
                    "Member must satisfy regular expression pattern: " + STREAM_PATTERN);
        }
    }

    private static void checkLength(String name, String member) {
        if (name.isEmpty()) {
            throw EmulatorException.constraint("'" + name + "'", member,
                    "Member must have length greater than or equal to 1");
        }
        if (name.length() > 512) {
            throw EmulatorException.constraint("'" + name + "'", member,
                    "Member must have length less than or equal to 512");
        }
    }
}
