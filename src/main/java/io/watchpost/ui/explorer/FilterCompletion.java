package io.watchpost.ui.explorer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the caret is in a filter, for autocomplete: typing a field name, or typing a value for a field after an
 * operator. {@code from}..{@code to} is the text a chosen suggestion replaces.
 *
 * @param field the field whose value is being typed (VALUE only)
 */
public record FilterCompletion(Kind kind, String field, String prefix, int from, int to) {

    public enum Kind { FIELD, VALUE }

    private static final Pattern VALUE = Pattern.compile(
            "([A-Za-z_@][\\w.@\\-]*)\\s*(?:==|!=|<=|>=|=|<|>|\\s(?i:contains|startswith|endswith|in|not\\s+in)\\s*\\[?"
                    + "(?:[^\\]]*,\\s*)?)\\s*(\"?[^\\s\"\\],()]*)$");
    private static final Pattern WORD = Pattern.compile("([A-Za-z_@][\\w.@\\-]*)?$");

    /** What is being typed at {@code caret} (0-based, as TextField reports it). */
    public static FilterCompletion at(String text, int caret) {
        String before = text.substring(0, Math.max(0, Math.min(caret, text.length())));
        Matcher value = VALUE.matcher(before);
        if (value.find()) {
            String prefix = value.group(2);
            return new FilterCompletion(Kind.VALUE, value.group(1), prefix.startsWith("\"") ? prefix.substring(1) : prefix,
                    before.length() - prefix.length(), before.length());
        }
        Matcher word = WORD.matcher(before);
        word.find();
        String prefix = word.group(1) == null ? "" : word.group(1);
        return new FilterCompletion(Kind.FIELD, null, prefix, before.length() - prefix.length(), before.length());
    }

    /** The text with {@code replacement} in place of what was being typed. */
    public String apply(String text, String replacement) {
        return text.substring(0, from) + replacement + text.substring(Math.min(to, text.length()));
    }
}
