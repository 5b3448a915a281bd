package io.watchpost.store;

/** One value of a field and how many matching events have it (the Explorer's field sidebar). */
public record ValueCount(String value, long count) {
}
