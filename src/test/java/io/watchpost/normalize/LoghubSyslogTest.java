package io.watchpost.normalize;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real OpenSSH and Linux syslog (Loghub, research licence: read from ../shared/datasets, never copied here).
 * CloudWatch timestamps are made up (the logs have no year): 2017-12-10 for OpenSSH, 2005-07-01 for Linux.
 */
class LoghubSyslogTest {

    private static final long OPENSSH_CW = Instant.parse("2017-12-10T12:00:00Z").toEpochMilli();
    private static final long LINUX_CW = Instant.parse("2005-07-01T00:00:00Z").toEpochMilli();

    private final Normalizer normalizer = Datasets.normalizer();

    private List<Event> read(String file, long cw) {
        return Datasets.lines(Datasets.file(file)).stream()
                .map(l -> normalizer.normalize(Datasets.raw("/var/log/secure", cw, l))).toList();
    }

    @Test
    void everyOpenSshLineParsesAsAuth() {
        List<Event> events = read("loghub-ssh-linux/OpenSSH/OpenSSH_2k.log", OPENSSH_CW);
        assertEquals(2000, events.size());
        for (Event e : events) {
            assertNull(e.parseError(), e.raw());
            assertEquals(SourceTypes.AUTH, e.sourceType(), e.raw());
            assertEquals("LabSZ", e.fields().get("host.hostname"), e.raw());
            assertEquals("sshd", e.fields().get("process.name"), e.raw());
        }
        Event accepted = events.stream().filter(e -> "success".equals(e.outcome()) && "ssh_login".equals(e.action()))
                .findFirst().orElseThrow();
        assertEquals("fztu", accepted.user());
        assertEquals("119.137.62.142", accepted.sourceIp());
        assertEquals("49116", accepted.fields().get("source.port"));
        assertEquals(Instant.parse("2017-12-10T09:32:20Z"), accepted.eventTime());
        assertEquals(1, events.stream().filter(e -> "success".equals(e.outcome()) && "ssh_login".equals(e.action())).count());

        // E9 + E10 failed passwords, plus the two "message repeated" lines
        long failedPasswords = events.stream().filter(e -> "ssh_login".equals(e.action()) && "failure".equals(e.outcome())
                && "password".equals(e.fields().get("system.auth.ssh.method"))).count();
        assertEquals(383 + 135 + 2, failedPasswords);
        assertEquals(286, events.stream().filter(e -> "183.62.140.253".equals(e.sourceIp())
                && "password".equals(e.fields().get("system.auth.ssh.method"))).count()
                + events.stream().filter(e -> "183.62.140.253".equals(e.sourceIp()) && e.fields().containsKey("system.auth.repeated"))
                .mapToLong(e -> Long.parseLong(e.fields().get("system.auth.repeated")) - 1).sum());

        Event invalid = events.get(1); // Invalid user webmaster from 173.234.31.186
        assertEquals("ssh_invalid_user", invalid.action());
        assertEquals("webmaster", invalid.user());
        assertEquals("173.234.31.186", invalid.sourceIp());
        assertEquals("failure", invalid.outcome());
        assertEquals(Severity.WARNING, invalid.severity());
        assertEquals("24200", invalid.fields().get("process.pid"));

        Event reverse = events.get(0);
        assertEquals("ssh_reverse_mapping_failed", reverse.action());
        assertEquals("173.234.31.186", reverse.sourceIp());

        Event pamFailure = events.get(4);
        assertEquals("authentication_failure", pamFailure.action());
        assertEquals("173.234.31.186", pamFailure.sourceIp());

        Event failedInvalid = events.stream().filter(e -> e.raw().contains("Failed password for invalid user"))
                .findFirst().orElseThrow();
        assertEquals("true", failedInvalid.fields().get("system.auth.ssh.invalid_user"));
        assertTrue(failedInvalid.raw().contains(" " + failedInvalid.user() + " from " + failedInvalid.sourceIp()
                + " port " + failedInvalid.fields().get("source.port") + " "));

        assertTrue(events.stream().anyMatch(e -> "ssh_disconnect".equals(e.action()) && e.sourceIp() != null));
    }

    @Test
    void everyLinuxLineParsesAsSyslogOrAuth() {
        List<Event> events = read("loghub-ssh-linux/Linux/Linux_2k.log", LINUX_CW);
        assertEquals(2000, events.size());
        for (Event e : events) {
            assertNull(e.parseError(), e.raw());
            assertTrue(e.sourceType().equals(SourceTypes.SYSLOG) || e.sourceType().equals(SourceTypes.AUTH), e.raw());
            assertEquals("combo", e.fields().get("host.hostname"), e.raw());
        }
        Event first = events.get(0); // sshd(pam_unix)[19939]: authentication failure; … rhost=218.188.2.4
        assertEquals(SourceTypes.AUTH, first.sourceType());
        assertEquals("authentication_failure", first.action());
        assertEquals("218.188.2.4", first.sourceIp());
        assertEquals("failure", first.outcome());
        assertEquals("19939", first.fields().get("process.pid"));
        assertEquals("sshd", first.fields().get("process.name"));
        assertEquals(Instant.parse("2005-06-14T15:16:01Z"), first.eventTime());

        Event hostName = events.get(3); // rhost=220-135-151-1.hinet-ip.hinet.net  user=root
        assertEquals("root", hostName.user());
        assertNull(hostName.sourceIp(), "a host name is not an IP");
        assertEquals("220-135-151-1.hinet-ip.hinet.net", hostName.fields().get("source.address"));

        long pamSshFailures = events.stream().filter(e -> "authentication_failure".equals(e.action())
                && "sshd".equals(e.fields().get("process.name"))).count();
        assertEquals(489, pamSshFailures, "SOURCE.md: 489 sshd authentication failure lines");

        Event rootLogin = events.stream().filter(e -> e.raw().contains("ROOT LOGIN ON tty2")).findFirst().orElseThrow();
        assertEquals("login", rootLogin.action());
        assertEquals("root", rootLogin.user());

        Event su = events.stream().filter(e -> e.raw().contains("su(pam_unix)") && e.raw().contains("session opened"))
                .findFirst().orElseThrow();
        assertEquals("session_opened", su.action());
        assertEquals(SourceTypes.AUTH, su.sourceType());

        Event kernel = events.stream().filter(e -> "kernel".equals(e.fields().get("process.name"))).findFirst().orElseThrow();
        assertEquals(SourceTypes.SYSLOG, kernel.sourceType());
    }
}
