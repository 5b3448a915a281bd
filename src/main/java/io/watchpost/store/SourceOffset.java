package io.watchpost.store;

/**
 * A source's position, committed atomically with the events it covers (Kafka Connect's source-offset model):
 * {@code partition} names the source (e.g. endpoint, region and log group), {@code offsetJson} is the source's own
 * description of how far it got.
 */
public record SourceOffset(String partition, String offsetJson) {
}
