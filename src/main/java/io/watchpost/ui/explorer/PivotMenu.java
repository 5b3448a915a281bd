package io.watchpost.ui.explorer;

import io.watchpost.normalize.Event;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.util.Map;

/** The right-click menu of any value in the Explorer: filter for / out, new tab, the actor's events around it, copy. */
final class PivotMenu {

    static final int[] WINDOWS_MINUTES = {5, 15, 60};

    private static final Map<String, String> ACTOR_NAMES = Map.of("user.name", "user", "source.ip", "IP address",
            "userIdentity.accessKeyId", "access key", "sourceIPAddress", "IP address", "userIdentity.userName", "user",
            "destination.ip", "IP address");

    private PivotMenu() {
    }

    static ContextMenu build(String field, String value, Event event, PivotActions actions) {
        String shown = value.length() > 40 ? value.substring(0, 39) + "…" : value;
        MenuItem forValue = item("Filter for " + field + " = " + shown, "pivot-filter-for",
                () -> actions.filterFor(field, value));
        MenuItem outValue = item("Filter out " + field + " = " + shown, "pivot-filter-out",
                () -> actions.filterOut(field, value));
        MenuItem newTab = item("Open in a new tab", "pivot-new-tab", () -> actions.openInNewTab(field, value));
        ContextMenu menu = new ContextMenu(forValue, outValue, newTab);
        if (event != null) {
            String actor = ACTOR_NAMES.getOrDefault(field, "value");
            Menu around = new Menu("All events of this " + actor + " within…");
            around.setId("pivot-around");
            for (int minutes : WINDOWS_MINUTES) {
                around.getItems().add(item("±" + minutes + " minutes", "pivot-around-" + minutes,
                        () -> actions.around(field, value, event, minutes)));
            }
            menu.getItems().add(around);
        }
        menu.getItems().addAll(new SeparatorMenuItem(), item("Copy value", "pivot-copy", () -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(value);
            Clipboard.getSystemClipboard().setContent(content);
        }));
        return menu;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
