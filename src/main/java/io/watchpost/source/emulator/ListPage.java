package io.watchpost.source.emulator;

import java.util.List;

/** A page of a Describe* listing; {@code nextToken} is null on the last page. */
public record ListPage<T>(List<T> items, String nextToken) {
}
