package io.watchpost.normalize;

/**
 * The fallback for anything no other parser recognises: the line is kept as the message, severity comes from the
 * first level word in it (see {@link SeverityWords}), and it is <em>not</em> a parse error: unknown text is normal.
 */
final class TextParser implements LogParser {

    @Override
    public boolean parse(ParseInput in, EventDraft d) {
        d.sourceType = SourceTypes.TEXT;
        d.severity = SeverityWords.of(in.text());
        d.message = in.text();
        return true;
    }
}
