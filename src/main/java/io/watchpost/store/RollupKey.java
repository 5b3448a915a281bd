package io.watchpost.store;

/** What a volume series is split by. */
public enum RollupKey {
    SOURCE_TYPE("source_type"), LOG_GROUP("log_group");

    final String column;

    RollupKey(String column) {
        this.column = column;
    }
}
