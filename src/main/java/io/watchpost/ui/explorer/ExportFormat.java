package io.watchpost.ui.explorer;

/** The export forms the Explorer offers; both written by {@link io.watchpost.query.EventExport}. */
public enum ExportFormat {
    CSV("CSV", "csv"), JSON_LINES("JSON Lines", "jsonl");

    private final String label;
    private final String extension;

    ExportFormat(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    @Override
    public String toString() {
        return label;
    }
}
