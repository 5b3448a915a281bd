package io.watchpost.ui.welcome;

import io.watchpost.background.BackgroundThreads;
import io.watchpost.ui.settings.AwsSource;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The first-run screen: try the demo, or connect to an AWS account (profile, region, log groups). Shown while no
 * source is chosen yet. It only collects the choice; the caller saves it and starts the session.
 */
public final class WelcomeView extends StackPane {

    /** Regions offered in the list; any other valid region name can be typed. */
    static final List<String> COMMON_REGIONS = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "ca-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "eu-south-1",
            "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-2", "sa-east-1",
            "me-central-1", "af-south-1");
    static final String DEFAULT_PROFILE_LABEL = "(default credentials)";

    private final ComboBox<String> profile = new ComboBox<>();
    private final ComboBox<String> region = new ComboBox<>();
    private final TextArea logGroups = new TextArea();
    private final Label errors = new Label();
    private final Label notice = new Label();

    /**
     * @param profiles  lists the AWS profile names; called once on a background thread (it reads ~/.aws files)
     * @param previous  the AWS form's values from last time, or null
     * @param onDemo    called on the FX thread when the user chooses the demo
     * @param onConnect called on the FX thread with a validated AWS source
     */
    public WelcomeView(Supplier<List<String>> profiles, AwsSource previous, Runnable onDemo, Consumer<AwsSource> onConnect) {
        getStyleClass().add("welcome");
        setId("welcome");

        Label title = new Label("Welcome to Watchpost");
        title.getStyleClass().add("welcome-title");
        Label subtitle = new Label("Watch CloudWatch Logs as they arrive: security events, throughput and findings. "
                + "Where should events come from?");
        subtitle.getStyleClass().add("welcome-subtitle");
        subtitle.setWrapText(true);
        notice.getStyleClass().add("welcome-notice");
        notice.setId("welcome-notice");
        notice.setWrapText(true);
        notice.setVisible(false);
        notice.setManaged(false);

        HBox cards = new HBox(20, demoCard(onDemo), awsCard(onConnect));
        cards.setAlignment(Pos.TOP_LEFT);
        VBox page = new VBox(14, title, subtitle, notice, cards);
        page.setMaxWidth(920);
        page.setPadding(new Insets(40, 24, 24, 24));
        page.setAlignment(Pos.TOP_LEFT);
        StackPane.setAlignment(page, Pos.TOP_CENTER);
        getChildren().add(page);

        fill(previous);
        loadProfiles(profiles, previous == null ? null : previous.profile());
    }

    /** Shows a message above the cards, e.g. why connecting failed last time. */
    public void showNotice(String text) {
        notice.setText(text);
        notice.setVisible(true);
        notice.setManaged(true);
    }

    private VBox demoCard(Runnable onDemo) {
        Label heading = new Label("Try the demo");
        heading.getStyleClass().add("welcome-card-title");
        Label text = new Label("No AWS account needed. Watchpost's built-in CloudWatch Logs endpoint replays sample "
                + "CloudTrail, VPC flow, sshd, Lambda and application logs — with a few attacks in them — as live "
                + "log groups, ingested through the real AWS SDK into a separate demo cache.");
        text.setWrapText(true);
        text.getStyleClass().add("welcome-card-text");
        Button demo = new Button("Start the demo");
        demo.setId("welcome-demo");
        demo.getStyleClass().add("primary-button");
        demo.setDefaultButton(false);
        demo.setOnAction(e -> onDemo.run());
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        VBox card = new VBox(12, heading, text, grow, demo);
        card.getStyleClass().add("welcome-card");
        card.setPrefWidth(360);
        return card;
    }

    private VBox awsCard(Consumer<AwsSource> onConnect) {
        Label heading = new Label("Connect to AWS");
        heading.getStyleClass().add("welcome-card-title");
        Label text = new Label("Credentials come from your AWS configuration (~/.aws/config and ~/.aws/credentials, "
                + "SSO included); Watchpost stores only the profile name, region and log groups.");
        text.setWrapText(true);
        text.getStyleClass().add("welcome-card-text");

        profile.setId("welcome-profile");
        profile.setEditable(true);
        profile.setMaxWidth(Double.MAX_VALUE);
        profile.setPromptText(DEFAULT_PROFILE_LABEL);
        region.setId("welcome-region");
        region.setEditable(true);
        region.getItems().setAll(COMMON_REGIONS);
        region.setMaxWidth(Double.MAX_VALUE);
        region.setPromptText("us-east-1");
        logGroups.setId("welcome-log-groups");
        logGroups.setPromptText("/aws/cloudtrail/management, /var/log/secure");
        logGroups.setPrefRowCount(3);
        logGroups.setWrapText(true);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, fieldLabel("Profile"), profile);
        form.addRow(1, fieldLabel("Region"), region);
        form.addRow(2, fieldLabel("Log groups"), logGroups);
        GridPane.setHgrow(profile, Priority.ALWAYS);
        GridPane.setValignment(form.getChildren().get(4), javafx.geometry.VPos.TOP);

        errors.setId("welcome-errors");
        errors.getStyleClass().add("welcome-errors");
        errors.setWrapText(true);
        errors.setManaged(false);
        errors.setVisible(false);

        Button connect = new Button("Connect");
        connect.setId("welcome-connect");
        connect.getStyleClass().add("primary-button");
        connect.setOnAction(e -> {
            AwsSourceInput.Result result = AwsSourceInput.validate(profileValue(), editorText(region), logGroups.getText());
            if (result.valid()) {
                showErrors(List.of());
                onConnect.accept(result.source().orElseThrow());
            } else {
                showErrors(result.errors());
            }
        });
        VBox card = new VBox(12, heading, text, form, errors, connect);
        card.getStyleClass().add("welcome-card");
        card.setPrefWidth(460);
        return card;
    }

    private void showErrors(List<String> messages) {
        errors.setText(String.join("\n", messages));
        errors.setVisible(!messages.isEmpty());
        errors.setManaged(!messages.isEmpty());
    }

    private static Label fieldLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private void fill(AwsSource previous) {
        if (previous == null) {
            return;
        }
        if (previous.profile() != null) {
            profile.setValue(previous.profile());
        }
        region.setValue(previous.region());
        logGroups.setText(String.join("\n", previous.logGroups()));
    }

    private void loadProfiles(Supplier<List<String>> profiles, String chosen) {
        Task<List<String>> load = new Task<>() {
            @Override
            protected List<String> call() {
                return profiles.get();
            }
        };
        load.setOnSucceeded(e -> {
            profile.getItems().setAll(load.getValue());
            if (chosen == null && load.getValue().contains("default")) {
                profile.setValue("default");
            }
        });
        BackgroundThreads.start(load, "watchpost-aws-profiles");
    }

    /** The profile typed or chosen; null (the SDK's default chain) when left empty. */
    private String profileValue() {
        String typed = editorText(profile);
        return typed.isBlank() || typed.equals(DEFAULT_PROFILE_LABEL) ? null : typed.strip();
    }

    /** An editable combo box's current text: the editor holds what was typed before it commits to the value. */
    private static String editorText(ComboBox<String> box) {
        String typed = box.getEditor().getText();
        if (typed != null && !typed.isBlank()) {
            return typed;
        }
        return box.getValue() == null ? "" : box.getValue();
    }

    ComboBox<String> profileField() {
        return profile;
    }

    ComboBox<String> regionField() {
        return region;
    }

    TextArea logGroupsField() {
        return logGroups;
    }
}
