package io.watchpost.normalize;

import java.util.Locale;

/** Severity levels, ordered from least to most severe, named as syslog and most application loggers name them. */
public enum Severity {
    DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL;

    /** Maps the level words loggers actually write (WARN, err, FATAL, 3 …) onto our levels; unknown words give INFO. */
    public static Severity fromWord(String word) {
        if (word == null || word.isBlank()) {
            return INFO;
        }
        return switch (word.trim().toUpperCase(Locale.ROOT)) {
            case "TRACE", "DEBUG", "FINE", "FINER", "FINEST", "7" -> DEBUG;
            case "NOTICE", "5" -> NOTICE;
            case "WARN", "WARNING", "4" -> WARNING;
            case "ERR", "ERROR", "SEVERE", "3" -> ERROR;
            case "CRIT", "CRITICAL", "FATAL", "ALERT", "EMERG", "EMERGENCY", "PANIC", "0", "1", "2" -> CRITICAL;
            default -> INFO;
        };
    }
}
