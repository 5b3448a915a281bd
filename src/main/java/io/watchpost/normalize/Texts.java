package io.watchpost.normalize;

import java.util.ArrayList;
import java.util.List;

/** Small allocation-free string tests the parsers share; hand-written so hostile input cannot make a regex backtrack. */
final class Texts {

    private Texts() {
    }

    /** A dotted-quad IPv4 address or something made only of hex digits, colons and dots with at least two colons. */
    static boolean isIp(String s) {
        int n = s.length();
        if (n < 2 || n > 45) {
            return false;
        }
        int colons = 0;
        int dots = 0;
        boolean hexLetter = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ':') {
                colons++;
            } else if (c == '.') {
                dots++;
            } else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
                hexLetter = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        if (colons >= 2) {
            return true;
        }
        return colons == 0 && dots == 3 && !hexLetter && s.charAt(0) != '.' && s.charAt(n - 1) != '.';
    }

    static boolean isDigits(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The value parsed as a non-negative int, or -1 when it is not one (no exception on the hot path). */
    static int parseIntOr(String s, int start, int end, int otherwise) {
        if (end <= start || end - start > 9) {
            return otherwise;
        }
        int v = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return otherwise;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Space-separated tokens, runs of spaces counting as one separator (the AWS docs have a line with two). */
    static List<String> tokens(String s, int max) {
        List<String> out = new ArrayList<>(16);
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && s.charAt(i) != ' ') {
                i++;
            }
            if (out.size() == max) {
                return null;
            }
            out.add(s.substring(start, i));
        }
        return out;
    }

    /** The text up to the next space (or the end) from {@code from}. */
    static String tokenAt(String s, int from) {
        if (from < 0 || from >= s.length()) {
            return null;
        }
        int end = s.indexOf(' ', from);
        return s.substring(from, end < 0 ? s.length() : end);
    }

    /** The line without trailing white space and line breaks (Lambda lines end in "\n", loghub lines in spaces). */
    static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) <= ' ') {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    static int firstNonSpace(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    @SafeVarargs
    static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
