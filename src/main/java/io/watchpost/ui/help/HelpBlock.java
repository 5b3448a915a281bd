package io.watchpost.ui.help;

/** One piece of the help text, as {@link HelpText} parses it from the resource file. */
public sealed interface HelpBlock {

    record Heading(String text) implements HelpBlock {
    }

    record Paragraph(String text) implements HelpBlock {
    }

    /** An example line, shown monospaced. */
    record Example(String text) implements HelpBlock {
    }

    /** A two-column row: a shortcut and what it does, a field name and what it holds. */
    record Row(String key, String meaning) implements HelpBlock {
    }
}
