package io.watchpost.store;

import java.time.Instant;
import java.util.Map;

/**
 * Team state that other workstations share: the features that own it (tags and notes, saved searches, alert triage,
 * user rules) report each local change here by kind and id, with the object's whole content as JSON, and are handed
 * the other workstations' changes through {@link #subscribe}.
 * <p>
 * It lives in {@code store} so that the features depend on this small contract, not on the sync that implements it
 * ({@code sync.SharedObjectStore}). A change applied from a subscription must be written to the feature's own tables
 * directly, never reported back through {@link #changed}: that would echo it to the team as a new local change.
 */
public interface TeamState {

    /** Records a local create or update of an object; {@code bodyJson} is its whole content. */
    void changed(String kind, String id, String bodyJson);

    /** Records a local delete; a no-op for an object that was never recorded. */
    void deleted(String kind, String id);

    /** The objects of a kind whose local change lost to another workstation's, by id. */
    Map<String, Overwrite> overwrites(String kind);

    /** The user saw the marker: clears it. */
    void acknowledge(String kind, String id);

    /**
     * Calls {@code listener} for every change of {@code kind} another workstation made, after it reached the cache,
     * on the sync's thread. Returns what removes the subscription.
     */
    Subscription subscribe(String kind, RemoteChange listener);

    /** A change that came from another workstation: the new body, or a delete. */
    @FunctionalInterface
    interface RemoteChange {
        void apply(String id, String bodyJson, boolean deleted);
    }

    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** "Your change was overwritten by {@code by}; noticed at {@code at}." */
    record Overwrite(String by, Instant at) {
    }

    /** For a cache that is never synced (the demo, tools, tests): records nothing and never calls back. */
    TeamState LOCAL_ONLY = new TeamState() {
        @Override
        public void changed(String kind, String id, String bodyJson) {
        }

        @Override
        public void deleted(String kind, String id) {
        }

        @Override
        public Map<String, Overwrite> overwrites(String kind) {
            return Map.of();
        }

        @Override
        public void acknowledge(String kind, String id) {
        }

        @Override
        public Subscription subscribe(String kind, RemoteChange listener) {
            return () -> { };
        }
    };
}
