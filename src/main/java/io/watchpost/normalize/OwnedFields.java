package io.watchpost.normalize;

import java.util.LinkedHashMap;

/**
 * A field map built by one normalize call and handed to exactly one {@link Event}: nobody else holds it, so
 * {@code Event} may wrap it instead of copying (a copy of ~60 CloudTrail fields per event is measurable on the ingest path).
 */
final class OwnedFields extends LinkedHashMap<String, String> {
    OwnedFields() {
        super(64);
    }
}
