package io.watchpost.normalize;

import java.util.Map;

/**
 * What a parser sees of one event.
 *
 * @param raw   the CloudWatch event
 * @param text  its message (never null)
 * @param json  the message flattened when it was a JSON object, else null: flattened once, shared by every JSON parser
 * @param group the settings that apply to the event's log group
 */
record ParseInput(RawLogEvent raw, String text, Map<String, String> json, GroupSettings group) {
}
