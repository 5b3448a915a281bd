package io.watchpost.detect;

import java.util.Set;

/**
 * What every detector shares: its rule, and the actions and source types it can react to, so the engine dispatches
 * it only the events that can matter to it.
 */
abstract class DispatchedDetector implements Detector {

    private final Rule rule;
    private final Set<String> actions;
    private final Set<String> sourceTypes;

    /** @param actions null when it must see any action; likewise {@code sourceTypes} */
    DispatchedDetector(Rule rule, Set<String> actions, Set<String> sourceTypes) {
        this.rule = rule;
        this.actions = actions;
        this.sourceTypes = sourceTypes;
    }

    @Override
    public final Rule rule() {
        return rule;
    }

    @Override
    public final Set<String> actions() {
        return actions;
    }

    @Override
    public final Set<String> sourceTypes() {
        return sourceTypes;
    }
}
