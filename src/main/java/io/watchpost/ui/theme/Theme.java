package io.watchpost.ui.theme;

/**
 * The window's colour themes. Light is the base stylesheet every scene carries; dark is an overlay added after it,
 * so new views styled in the base sheet stay readable in dark without anyone editing two files first.
 */
public enum Theme {
    LIGHT("Light", null),
    DARK("Dark", "watchpost-dark.css");

    private final String label;
    private final String overlay;

    Theme(String label, String overlay) {
        this.label = label;
        this.overlay = overlay;
    }

    public String label() {
        return label;
    }

    /** The overlay stylesheet's file name next to the base sheet, or null for the light theme. */
    String overlay() {
        return overlay;
    }
}
