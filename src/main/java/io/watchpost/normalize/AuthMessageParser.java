package io.watchpost.normalize;

import java.util.Set;

/**
 * The message part of authentication and account-management syslog lines: sshd, PAM (pam_unix and the old
 * {@code prog(pam_unix)} tag), sudo, su, login, systemd-logind, useradd/groupadd/usermod/userdel and passwd.
 * Hand-written prefix and {@code lastIndexOf} parsing: no regex to backtrack, and the peer is taken from the last
 * {@code " from "} so a user name with an injected {@code "from 1.2.3.4"} cannot shift the blame.
 * <p>Actions (event.action) and outcomes:
 * <ul>
 *   <li>{@code ssh_login}: Accepted … (success), Failed … / maximum authentication attempts / PAM: Authentication
 *       failure / not allowed / ROOT LOGIN REFUSED (failure); {@code system.auth.ssh.method} = password, publickey …</li>
 *   <li>{@code ssh_invalid_user} (failure), {@code ssh_too_many_failures} (failure),
 *       {@code authentication_failure} (PAM, failure), {@code check_pass} (PAM user unknown, failure)</li>
 *   <li>{@code ssh_disconnect}, {@code ssh_connection_closed}, {@code ssh_no_identification},
 *       {@code ssh_reverse_mapping_failed}: unknown</li>
 *   <li>{@code session_opened}, {@code session_closed}: success</li>
 *   <li>{@code sudo} (success, or failure for incorrect password attempts / not in sudoers), {@code su}, {@code login}</li>
 *   <li>{@code user_created}, {@code group_created}, {@code user_deleted}, {@code group_deleted},
 *       {@code user_added_to_group}, {@code user_locked}, {@code user_unlocked}, {@code user_changed},
 *       {@code password_changed}: success</li>
 * </ul>
 * user = the acting account (for sudo, su and sessions opened "by" someone: that someone; the account switched to is
 * {@code user.effective.name}); {@code user.target.name} = the account created or changed; sourceIp = the peer.
 */
final class AuthMessageParser {

    /** Programs whose every line is an auth line, even when no rule below matches it. */
    private static final Set<String> AUTH_PROGRAMS = Set.of("sshd", "sshd-session", "sudo", "su", "login", "useradd",
            "usermod", "userdel", "groupadd", "groupdel", "groupmod", "passwd", "chpasswd", "chage", "gpasswd",
            "systemd-logind", "unix_chkpwd", "pkexec", "polkitd", "doas", "newgrp", "chsh", "chfn", "gdm-password");

    static boolean isAuthProgram(String program, String message) {
        return (program != null && AUTH_PROGRAMS.contains(program)) || message.startsWith("pam_unix(")
                || message.startsWith("PAM ") || message.startsWith("ROOT LOGIN ON ")
                || message.startsWith("FAILED LOGIN ");
    }

    /** Fills action, outcome, user, peer and category when a rule matches; returns whether one did. */
    static boolean parse(String program, boolean pamTag, String message, EventDraft d) {
        String m = message;
        if (m.startsWith("message repeated ")) {
            int open = m.indexOf("times: [ ");
            if (open > 0 && m.endsWith("]")) {
                d.put("system.auth.repeated", m.substring("message repeated ".length(), open).trim());
                m = m.substring(open + "times: [ ".length(), m.length() - 1).trim();
            }
        }
        if (m.startsWith("pam_unix(")) {
            int close = m.indexOf("): ");
            if (close > 0) {
                d.put("system.auth.pam.module", m.substring("pam_unix(".length(), close));
                return pam(m.substring(close + 3), d);
            }
        }
        if (pamTag || m.startsWith("PAM ")) {
            if (pam(m, d)) {
                return true;
            }
        }
        if (program == null) {
            return false;
        }
        return switch (program) {
            case "sshd", "sshd-session" -> sshd(m, d);
            case "sudo" -> sudo(m, d);
            case "su" -> su(m, d);
            case "useradd", "groupadd", "usermod", "userdel", "groupdel", "gpasswd" -> accounts(m, d);
            case "systemd-logind" -> logind(m, d);
            case "login" -> login(m, d);
            // login(1) lines sometimes carry the user as their tag ("-- root[2421]: ROOT LOGIN ON tty2")
            default -> (m.startsWith("ROOT LOGIN ON ") || m.startsWith("FAILED LOGIN ")) && login(m, d);
        };
    }

    // ---- sshd ---------------------------------------------------------------------------------------------------

    private static boolean sshd(String m, EventDraft d) {
        if (m.startsWith("Accepted ") || m.startsWith("Failed ")) {
            boolean ok = m.charAt(0) == 'A';
            int method = m.indexOf(' ') + 1;
            int forAt = m.indexOf(" for ", method);
            if (forAt < 0) {
                return false;
            }
            d.put("system.auth.ssh.method", m.substring(method, forAt));
            d.put("system.auth.ssh.event", ok ? "Accepted" : "Failed");
            peer(m, forAt + 5, d);
            int sig = ok ? m.indexOf(": ", forAt) : -1;
            if (sig > 0) {
                d.put("system.auth.ssh.signature", m.substring(sig + 2));
            }
            return set(d, "ssh_login", ok ? Ecs.OUTCOME_SUCCESS : Ecs.OUTCOME_FAILURE, "authentication");
        }
        if (m.startsWith("Invalid user ") || m.startsWith("Illegal user ")) {
            peer(m, 0, d);
            return set(d, "ssh_invalid_user", Ecs.OUTCOME_FAILURE, "authentication");
        }
        if (m.startsWith("input_userauth_request: invalid user ")) {
            String rest = m.substring("input_userauth_request: invalid user ".length());
            d.user(stripPreauth(rest));
            return set(d, "ssh_invalid_user", Ecs.OUTCOME_FAILURE, "authentication");
        }
        if (m.startsWith("Connection closed by ") || m.startsWith("Connection reset by ")) {
            hostPortAfterUser(m, "Connection closed by ".length(), d);
            return set(d, "ssh_connection_closed", Ecs.OUTCOME_UNKNOWN, "network");
        }
        if (m.startsWith("Received disconnect from ")) {
            int start = "Received disconnect from ".length();
            int end = m.indexOf(':', start);
            // IPv6 peers contain colons: the address ends at " port " or at the ": <code>:" that follows
            int port = m.indexOf(" port ", start);
            String host = port > 0 ? m.substring(start, port) : end > 0 ? m.substring(start, end) : Texts.tokenAt(m, start);
            d.sourceIp(host);
            if (port > 0) {
                int colon = m.indexOf(':', port);
                d.put(Ecs.SOURCE_PORT, m.substring(port + 6, colon > 0 ? colon : m.length()));
            }
            return set(d, "ssh_disconnect", Ecs.OUTCOME_UNKNOWN, "network");
        }
        if (m.startsWith("Disconnected from ")) {
            hostPortAfterUser(m, "Disconnected from ".length(), d);
            return set(d, "ssh_disconnect", Ecs.OUTCOME_UNKNOWN, "network");
        }
        if (m.startsWith("Disconnecting") && m.contains("Too many authentication failures")) {
            int forAt = m.indexOf(" for ");
            if (m.startsWith("Disconnecting authenticating user ") || m.startsWith("Disconnecting invalid user ")) {
                hostPortAfterUser(m, "Disconnecting ".length(), d);
            } else if (forAt > 0) {
                d.user(stripPreauth(m.substring(forAt + 5)));
            }
            return set(d, "ssh_too_many_failures", Ecs.OUTCOME_FAILURE, "authentication");
        }
        if (m.startsWith("error: maximum authentication attempts exceeded for ")) {
            peer(m, "error: maximum authentication attempts exceeded for ".length(), d);
            return set(d, "ssh_login", Ecs.OUTCOME_FAILURE, "authentication");
        }
        if (m.startsWith("error: PAM: Authentication failure for ")) {
            peer(m, "error: PAM: Authentication failure for ".length(), d);
            return set(d, "ssh_login", Ecs.OUTCOME_FAILURE, "authentication");
        }
        if (m.startsWith("User ") && m.contains(" not allowed because ")) {
            peer(m, "User ".length(), d);
            return set(d, "ssh_login", Ecs.OUTCOME_FAILURE, "authentication");
        }
        if (m.startsWith("ROOT LOGIN REFUSED FROM ")) {
            d.user("root");
            d.sourceIp(Texts.tokenAt(m, "ROOT LOGIN REFUSED FROM ".length()));
            return set(d, "ssh_login", Ecs.OUTCOME_FAILURE, "authentication");
        }
        if (m.startsWith("Did not receive identification string from ")) {
            d.sourceIp(Texts.tokenAt(m, "Did not receive identification string from ".length()));
            int port = m.indexOf(" port ");
            if (port > 0) {
                d.put(Ecs.SOURCE_PORT, Texts.tokenAt(m, port + 6));
            }
            return set(d, "ssh_no_identification", Ecs.OUTCOME_UNKNOWN, "network");
        }
        if (m.startsWith("reverse mapping checking getaddrinfo for ")) {
            int open = m.lastIndexOf('[');
            int close = m.lastIndexOf(']');
            if (open > 0 && close > open) {
                d.sourceIp(m.substring(open + 1, close));
            }
            return set(d, "ssh_reverse_mapping_failed", Ecs.OUTCOME_UNKNOWN, "network");
        }
        if (m.startsWith("Address ") && m.contains("POSSIBLE BREAK-IN ATTEMPT")) {
            d.sourceIp(Texts.tokenAt(m, "Address ".length()));
            return set(d, "ssh_reverse_mapping_failed", Ecs.OUTCOME_UNKNOWN, "network");
        }
        return false;
    }

    /**
     * "[invalid user |illegal user ]USER from HOST[ port PORT …]" starting at {@code from}; the last " from " wins
     * so an injected one inside the user name is ignored.
     */
    private static void peer(String m, int from, EventDraft d) {
        int at = m.lastIndexOf(" from ");
        if (at < from) {
            return;
        }
        String user = m.substring(from, at);
        for (String p : new String[]{"invalid user ", "illegal user ", "Invalid user ", "Illegal user "}) {
            if (user.startsWith(p)) {
                user = user.substring(p.length());
                d.put("system.auth.ssh.invalid_user", "true");
                break;
            }
        }
        d.user(user);
        String host = Texts.tokenAt(m, at + 6);
        d.sourceIp(host);
        int port = m.indexOf(" port ", at);
        if (port > 0) {
            d.put(Ecs.SOURCE_PORT, Texts.tokenAt(m, port + 6));
        }
    }

    /** "[authenticating user U |invalid user U |user U ]HOST[ port P][ [preauth]]" from {@code from}. */
    private static void hostPortAfterUser(String m, int from, EventDraft d) {
        String rest = m.substring(from);
        for (String p : new String[]{"authenticating user ", "invalid user ", "user "}) {
            if (rest.startsWith(p)) {
                rest = rest.substring(p.length());
                int portAt = rest.lastIndexOf(" port ");
                int hostEnd = portAt > 0 ? portAt : rest.lastIndexOf(' ');
                int userEnd = hostEnd > 0 ? rest.lastIndexOf(' ', hostEnd - 1) : -1;
                if (userEnd > 0) {
                    d.user(rest.substring(0, userEnd));
                    rest = rest.substring(userEnd + 1);
                }
                break;
            }
        }
        d.sourceIp(Texts.tokenAt(rest, 0));
        int port = rest.indexOf(" port ");
        if (port > 0) {
            String p = Texts.tokenAt(rest, port + 6);
            d.put(Ecs.SOURCE_PORT, p == null ? null : p.endsWith(":") ? p.substring(0, p.length() - 1) : p);
        }
    }

    private static String stripPreauth(String s) {
        return s.endsWith(" [preauth]") ? s.substring(0, s.length() - " [preauth]".length()) : s;
    }

    // ---- PAM ----------------------------------------------------------------------------------------------------

    private static boolean pam(String m, EventDraft d) {
        if (m.startsWith("authentication failure;") || (m.startsWith("PAM ") && m.contains("authentication failure"))) {
            String user = kv(m, " user=");
            d.user(user != null ? user : kv(m, "ruser="));
            d.sourceIp(kv(m, "rhost="));
            return set(d, "authentication_failure", Ecs.OUTCOME_FAILURE, "authentication");
        }
        if (m.startsWith("check pass; user unknown")) {
            return set(d, "check_pass", Ecs.OUTCOME_FAILURE, "authentication");
        }
        if (m.startsWith("session opened for user ")) {
            int by = m.indexOf(" by ");
            String target = m.substring("session opened for user ".length(), by > 0 ? by : m.length());
            int paren = target.indexOf('(');
            target = paren > 0 ? target.substring(0, paren) : target;
            String actor = null;
            if (by > 0) {
                String who = m.substring(by + 4);
                int p = who.indexOf('(');
                actor = p > 0 ? who.substring(0, p) : p == 0 ? null : who.trim();
            }
            if (actor != null && !actor.isEmpty()) {
                d.user(actor);
                d.put(Ecs.USER_EFFECTIVE_NAME, target);
            } else {
                d.user(target);
            }
            return set(d, "session_opened", Ecs.OUTCOME_SUCCESS, "session");
        }
        if (m.startsWith("session closed for user ")) {
            d.user(m.substring("session closed for user ".length()).trim());
            return set(d, "session_closed", Ecs.OUTCOME_SUCCESS, "session");
        }
        if (m.startsWith("password changed for ")) {
            String who = m.substring("password changed for ".length()).trim();
            d.put(Ecs.USER_TARGET_NAME, who);
            return set(d, "password_changed", Ecs.OUTCOME_SUCCESS, "iam");
        }
        return false;
    }

    /** The value after {@code key} up to the next space, or null when absent or empty ("ruser= rhost=…"). */
    private static String kv(String m, String key) {
        int at = m.indexOf(key);
        if (at < 0) {
            return null;
        }
        int start = at + key.length();
        int end = start;
        while (end < m.length() && m.charAt(end) != ' ' && m.charAt(end) != ',') {
            end++;
        }
        return end > start ? m.substring(start, end) : null;
    }

    // ---- sudo, su, login, logind ----------------------------------------------------------------------------------

    private static boolean sudo(String m, EventDraft d) {
        int sep = m.indexOf(" : ");
        if (sep <= 0) {
            return false;
        }
        d.user(m.substring(0, sep).trim());
        String rest = m.substring(sep + 3);
        boolean ok = rest.startsWith("TTY=");
        if (!ok) {
            int semi = rest.indexOf(" ; ");
            d.put("system.auth.sudo.error", semi > 0 ? rest.substring(0, semi) : rest);
        }
        d.put("system.auth.sudo.tty", between(rest, "TTY=", " ;"));
        d.put("system.auth.sudo.pwd", between(rest, "PWD=", " ;"));
        d.put(Ecs.USER_EFFECTIVE_NAME, between(rest, "USER=", " ;"));
        int cmd = rest.indexOf("COMMAND=");
        if (cmd >= 0) {
            d.put("system.auth.sudo.command", rest.substring(cmd + "COMMAND=".length()));
        }
        return set(d, "sudo", ok ? Ecs.OUTCOME_SUCCESS : Ecs.OUTCOME_FAILURE, "process");
    }

    private static String between(String s, String key, String end) {
        int at = s.indexOf(key);
        if (at < 0) {
            return null;
        }
        int start = at + key.length();
        int stop = s.indexOf(end, start);
        return s.substring(start, stop < 0 ? s.length() : stop);
    }

    private static boolean su(String m, EventDraft d) {
        boolean failed = m.startsWith("FAILED SU ") || m.startsWith("FAILED su");
        String body = failed ? m.substring(m.indexOf(' ', 7) + 1) : m;
        if (body.startsWith("(to ")) {
            int close = body.indexOf(')');
            if (close < 0) {
                return false;
            }
            d.put(Ecs.USER_EFFECTIVE_NAME, body.substring(4, close));
            String who = Texts.tokenAt(body, close + 2);
            d.user(who);
            return set(d, "su", failed ? Ecs.OUTCOME_FAILURE : Ecs.OUTCOME_SUCCESS, "authentication");
        }
        if (m.startsWith("Successful su for ") || m.startsWith("FAILED su for ")) {
            int start = m.indexOf(" for ") + 5;
            int by = m.indexOf(" by ", start);
            if (by > 0) {
                d.put(Ecs.USER_EFFECTIVE_NAME, m.substring(start, by));
                d.user(m.substring(by + 4).trim());
            }
            return set(d, "su", failed ? Ecs.OUTCOME_FAILURE : Ecs.OUTCOME_SUCCESS, "authentication");
        }
        return false;
    }

    private static boolean login(String m, EventDraft d) {
        if (m.startsWith("ROOT LOGIN ON ")) {
            d.user("root");
            return set(d, "login", Ecs.OUTCOME_SUCCESS, "authentication");
        }
        if (m.startsWith("LOGIN ON ") && m.contains(" BY ")) {
            d.user(Texts.tokenAt(m, m.indexOf(" BY ") + 4));
            return set(d, "login", Ecs.OUTCOME_SUCCESS, "authentication");
        }
        if (m.startsWith("FAILED LOGIN ")) {
            int from = m.indexOf(" FROM ");
            int forAt = m.indexOf(" FOR ");
            if (from > 0) {
                d.sourceIp(Texts.tokenAt(m, from + 6));
            }
            if (forAt > 0) {
                String u = Texts.tokenAt(m, forAt + 5);
                d.user(u != null && u.endsWith(",") ? u.substring(0, u.length() - 1) : u);
            }
            return set(d, "login", Ecs.OUTCOME_FAILURE, "authentication");
        }
        return false;
    }

    private static boolean logind(String m, EventDraft d) {
        if (m.startsWith("New session ")) {
            int of = m.indexOf(" of user ");
            if (of > 0) {
                String u = m.substring(of + " of user ".length()).trim();
                d.user(u.endsWith(".") ? u.substring(0, u.length() - 1) : u);
            }
            return set(d, "session_opened", Ecs.OUTCOME_SUCCESS, "session");
        }
        if (m.startsWith("Removed session ")) {
            return set(d, "session_closed", Ecs.OUTCOME_SUCCESS, "session");
        }
        return false;
    }

    // ---- account management -------------------------------------------------------------------------------------

    private static boolean accounts(String m, EventDraft d) {
        if (m.startsWith("new user: ")) {
            d.put(Ecs.USER_TARGET_NAME, kv(m, "name="));
            d.put(Ecs.USER_TARGET_ID, kv(m, "UID="));
            d.put(Ecs.GROUP_ID, kv(m, "GID="));
            d.put("system.auth.useradd.home", kv(m, "home="));
            d.put("system.auth.useradd.shell", kv(m, "shell="));
            return set(d, "user_created", Ecs.OUTCOME_SUCCESS, "iam");
        }
        if (m.startsWith("new group: ") || m.startsWith("group added to ")) {
            d.put(Ecs.GROUP_NAME, kv(m, "name="));
            d.put(Ecs.GROUP_ID, kv(m, "GID="));
            return set(d, "group_created", Ecs.OUTCOME_SUCCESS, "iam");
        }
        if (m.startsWith("add '") || m.startsWith("delete user '") || m.startsWith("lock user '")
                || m.startsWith("unlock user '") || m.startsWith("change user '") || m.startsWith("removed group '")
                || m.startsWith("delete '")) {
            String first = quoted(m, 0);
            String action;
            if (m.startsWith("add '")) {
                action = "user_added_to_group";
                d.put(Ecs.GROUP_NAME, quoted(m, m.indexOf(" group '")));
            } else if (m.startsWith("delete '")) {
                action = "user_removed_from_group";
                d.put(Ecs.GROUP_NAME, quoted(m, m.indexOf(" group '")));
            } else if (m.startsWith("delete user")) {
                action = "user_deleted";
            } else if (m.startsWith("lock")) {
                action = "user_locked";
            } else if (m.startsWith("unlock")) {
                action = "user_unlocked";
            } else if (m.startsWith("removed group")) {
                d.put(Ecs.GROUP_NAME, first);
                return set(d, "group_deleted", Ecs.OUTCOME_SUCCESS, "iam");
            } else {
                action = "user_changed";
            }
            d.put(Ecs.USER_TARGET_NAME, first);
            return set(d, action, Ecs.OUTCOME_SUCCESS, "iam");
        }
        return false;
    }

    /** The text inside the first pair of single quotes at or after {@code from}. */
    private static String quoted(String m, int from) {
        if (from < 0) {
            return null;
        }
        int open = m.indexOf('\'', from);
        int close = open < 0 ? -1 : m.indexOf('\'', open + 1);
        return close < 0 ? null : m.substring(open + 1, close);
    }

    private static boolean set(EventDraft d, String action, String outcome, String category) {
        d.action(action);
        d.outcome(outcome);
        d.put(Ecs.EVENT_CATEGORY, category);
        return true;
    }
}
