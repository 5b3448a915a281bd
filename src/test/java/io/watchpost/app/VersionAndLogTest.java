package io.watchpost.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import io.watchpost.cli.WatchpostCommand;
import io.watchpost.store.DataDirectories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --version says the pom's version; the application log rotates in the data directory as logback.xml says. */
class VersionAndLogTest {

    @TempDir
    Path dir;

    @Test
    void versionPrintsThePomVersion() throws Exception {
        Matcher m = Pattern.compile("<artifactId>watchpost</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find());
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = WatchpostCommand.execute(new String[]{"--version"}, () -> {
                throw new AssertionError("--version must not open the window");
            });
        } finally {
            System.setOut(original);
        }
        assertEquals(0, code);
        assertEquals("watchpost " + m.group(1), out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void theLogGoesToLogsInTheUserDataDirectory() {
        assertEquals(DataDirectories.userDataDir().resolve("logs"), Main.defaultLogDirectory());
    }

    @Test
    void theApplicationLogRollsOverInTheLogDirectory() throws Exception {
        // The production logback.xml, not the tests' logback-test.xml, in a context of its own.
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // slf4j's provider does this
        context.start();
        context.putProperty("watchpost.logDir", dir.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        System.setProperty("watchpost.logDir", dir.toString());
        try {
            configurator.doConfigure(Main.class.getResource("/logback.xml"));
        } finally {
            System.clearProperty("watchpost.logDir");
        }
        RollingFileAppender<?> file = (RollingFileAppender<?>) context.getLogger("ROOT").getAppender("FILE");
        assertEquals(dir.resolve("watchpost.log").toString(), file.getFile());
        SizeAndTimeBasedRollingPolicy<?> policy = (SizeAndTimeBasedRollingPolicy<?>) file.getRollingPolicy();
        assertEquals(dir.resolve("watchpost.%d{yyyy-MM-dd}.%i.log.gz").toString(), policy.getFileNamePattern());
        assertEquals(14, policy.getMaxHistory());

        Logger log = context.getLogger("io.watchpost.test");
        String line = "x".repeat(1000);
        for (int i = 0; i < 11_000; i++) { // 11 MB: past the 10 MB size limit
            log.info(line);
        }
        Thread.sleep(300); // logback checks the size at most every few events by time; one more event after a pause
        for (int i = 0; i < 200; i++) {
            log.info("after the limit {}", i);
        }
        context.stop(); // waits for the compression of the rolled file
        try (var files = Files.list(dir)) {
            var names = files.map(p -> p.getFileName().toString() + ":" + p.toFile().length()).sorted().toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("watchpost.log:")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.matches("watchpost\\.\\d{4}-\\d{2}-\\d{2}\\.0\\.log\\.gz:\\d+")), names.toString());
        }
        assertTrue(Files.size(dir.resolve("watchpost.log")) < 10_000_000, "the live file restarted small");
    }
}
