package io.watchpost.normalize;

/** Names of the formats the parsers recognise; stored in the cache, so never rename one. */
public final class SourceTypes {
    public static final String CLOUDTRAIL = "cloudtrail";
    public static final String JSON = "json";
    public static final String TEXT = "text";

    private SourceTypes() {
    }
}
