package io.watchpost.store;

/** The top-talker lists the rollups keep, as named in {@code rollup_talker_minute.kind}. */
public enum TalkerKind {
    SOURCE_IP("ip"), USER("user"), ACTION("action"), REJECTED_FLOW("rejected");

    final String code;

    TalkerKind(String code) {
        this.code = code;
    }
}
