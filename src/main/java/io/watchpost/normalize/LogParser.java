package io.watchpost.normalize;

/**
 * One log format. {@link #parse} fills the draft and returns true when the input is this format, or returns false
 * and leaves the draft untouched so the next candidate can try. Implementations are stateless and thread-safe.
 */
interface LogParser {

    boolean parse(ParseInput input, EventDraft draft);
}
