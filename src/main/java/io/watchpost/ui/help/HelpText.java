package io.watchpost.ui.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The help text, from one resource file ({@code io/watchpost/ui/help/help.txt}) in a line format small enough to
 * edit without tools: {@code == Heading}, {@code key | meaning} rows, {@code > example} lines, paragraphs, and
 * {@code # } comments. Adding a section to the help means editing that file only.
 */
public final class HelpText {

    public static final String RESOURCE = "/io/watchpost/ui/help/help.txt";

    private HelpText() {
    }

    /** The bundled help text. Reads a small class-path resource: cheap enough for the FX thread. */
    public static List<HelpBlock> bundled() {
        try (InputStream in = HelpText.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<HelpBlock> parse(String text) {
        List<HelpBlock> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String raw : text.split("\\R", -1)) {
            String line = raw.strip();
            boolean plain = !line.isEmpty() && !line.startsWith("#") && !line.startsWith("==")
                    && !line.startsWith(">") && !line.contains(" | ");
            if (!plain && paragraph.length() > 0) {
                blocks.add(new HelpBlock.Paragraph(paragraph.toString()));
                paragraph.setLength(0);
            }
            if (line.isEmpty() || line.equals("#") || line.startsWith("# ")) {
                continue;
            }
            if (line.startsWith("==")) {
                blocks.add(new HelpBlock.Heading(line.substring(2).strip()));
            } else if (line.startsWith(">")) {
                blocks.add(new HelpBlock.Example(line.substring(1).strip()));
            } else if (line.contains(" | ")) {
                int bar = line.indexOf(" | ");
                blocks.add(new HelpBlock.Row(line.substring(0, bar).strip(), line.substring(bar + 3).strip()));
            } else {
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(line);
            }
        }
        if (paragraph.length() > 0) {
            blocks.add(new HelpBlock.Paragraph(paragraph.toString()));
        }
        return List.copyOf(blocks);
    }
}
