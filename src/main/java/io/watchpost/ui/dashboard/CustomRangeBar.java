package io.watchpost.ui.dashboard;

import io.watchpost.store.TimeRange;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DateCell;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * The custom range picker under the Dashboard's toolbar: from and to, each a day and an HH:mm time (UTC), days
 * outside what the cache holds greyed out, and the cache's extent written beside them. Apply hands the range to
 * the same window property the presets use, so the same loader draws it.
 */
final class CustomRangeBar extends HBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final DatePicker fromDay = new DatePicker();
    private final TextField fromTime = new TextField();
    private final DatePicker toDay = new DatePicker();
    private final TextField toTime = new TextField();
    private final Label extentLabel = new Label();
    private final Label problem = new Label();
    private TimeRange extent;

    CustomRangeBar(Consumer<TimeRange> apply) {
        super(6);
        getStyleClass().add("dashboard-custom-range");
        setId("dashboard-custom-range");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(0, 10, 6, 10));
        fromDay.setId("dashboard-custom-from-day");
        fromTime.setId("dashboard-custom-from-time");
        toDay.setId("dashboard-custom-to-day");
        toTime.setId("dashboard-custom-to-time");
        for (TextField t : new TextField[]{fromTime, toTime}) {
            t.setPrefColumnCount(5);
            t.setPromptText("HH:mm");
        }
        for (DatePicker d : new DatePicker[]{fromDay, toDay}) {
            d.setPrefWidth(130);
            d.setDayCellFactory(p -> new DateCell() {
                @Override
                public void updateItem(LocalDate day, boolean empty) {
                    super.updateItem(day, empty);
                    setDisable(empty || !inCache(day));
                }
            });
        }
        Button go = new Button("Apply");
        go.setId("dashboard-custom-apply");
        go.setDefaultButton(false);
        go.setOnAction(e -> {
            CustomRanges.Parsed p = CustomRanges.parse(fromDay.getValue(), fromTime.getText(), toDay.getValue(), toTime.getText(), extent);
            problem.setText(p.problem() == null ? "" : p.problem());
            if (p.range() != null) {
                apply.accept(p.range());
            }
        });
        problem.setId("dashboard-custom-problem");
        problem.getStyleClass().add("dashboard-custom-problem");
        extentLabel.setId("dashboard-custom-extent");
        getChildren().addAll(new Label("From"), fromDay, fromTime, new Label("to"), toDay, toTime, new Label("UTC"), go,
                extentLabel, problem);
    }

    /** The cache's extent (null: empty), and the fields set to it unless the analyst already chose. */
    void setExtent(TimeRange cache) {
        extent = cache;
        if (cache == null) {
            extentLabel.setText("the cache holds no events yet");
            return;
        }
        extentLabel.setText("cache holds " + SHOWN.format(Instant.ofEpochMilli(cache.fromMillis())) + " – "
                + SHOWN.format(Instant.ofEpochMilli(cache.toMillis())) + " UTC");
        if (fromDay.getValue() == null) {
            fromDay.setValue(day(cache.fromMillis()));
            fromTime.setText(TIME.format(Instant.ofEpochMilli(cache.fromMillis())));
            toDay.setValue(day(cache.toMillis()));
            toTime.setText(TIME.format(Instant.ofEpochMilli(cache.toMillis())));
        }
    }

    private boolean inCache(LocalDate day) {
        return extent != null && day != null && !day.isBefore(day(extent.fromMillis())) && !day.isAfter(day(extent.toMillis()));
    }

    private static LocalDate day(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
    }

    String problem() {
        return problem.getText();
    }
}
