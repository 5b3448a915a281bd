package io.watchpost.normalize;

/**
 * Finds the first level word (ERROR, warn, FATAL …) in free text by scanning word boundaries by hand: no regex, no
 * allocation, and only the first 512 characters, because the level sits near the start of any line that has one.
 */
final class SeverityWords {

    private static final int SCAN_LIMIT = 512;
    /** Index = word length; the words of that length, upper case. */
    private static final String[][] WORDS = new String[9][];

    static {
        WORDS[3] = new String[]{"ERR"};
        WORDS[4] = new String[]{"WARN", "CRIT"};
        WORDS[5] = new String[]{"FATAL", "ERROR", "EMERG", "ALERT", "DEBUG", "TRACE", "PANIC"};
        WORDS[6] = new String[]{"NOTICE", "SEVERE"};
        WORDS[7] = new String[]{"WARNING"};
        WORDS[8] = new String[]{"CRITICAL"};
    }

    private SeverityWords() {
    }

    static Severity of(String text) {
        if (text == null) {
            return Severity.INFO;
        }
        int n = Math.min(text.length(), SCAN_LIMIT);
        int i = 0;
        while (i < n) {
            while (i < n && !isLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && isLetter(text.charAt(i))) {
                i++;
            }
            int len = i - start;
            if (len >= 3 && len <= 8 && WORDS[len] != null && boundaryAfter(text, i)) {
                for (String w : WORDS[len]) {
                    if (text.regionMatches(true, start, w, 0, len)) {
                        return Severity.fromWord(w);
                    }
                }
            }
        }
        return Severity.INFO;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** "ERROR1" or "error_count" is not a level word; a digit or underscore continues the word as \b sees it. */
    private static boolean boundaryAfter(String text, int i) {
        if (i >= text.length()) {
            return true;
        }
        char c = text.charAt(i);
        return !(c == '_' || (c >= '0' && c <= '9'));
    }
}
