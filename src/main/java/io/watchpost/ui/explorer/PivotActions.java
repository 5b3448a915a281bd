package io.watchpost.ui.explorer;

import io.watchpost.normalize.Event;

/**
 * What a right-click on a value can do. The view builds menus from these; the tab container supplies
 * {@link #openTab} so a pivot can start a parallel line of investigation.
 */
public interface PivotActions {

    void filterFor(String field, String value);

    void filterOut(String field, String value);

    void openInNewTab(String field, String value);

    /** Every event with this value within ±{@code minutes} of the event, in a new tab. */
    void around(String field, String value, Event event, int minutes);

    void openTab(Search search);
}
