package io.watchpost.source.emulator;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuotaGateTest {

    @Test
    void tokenBucketRefillsAtItsRate() {
        AtomicLong nanos = new AtomicLong();
        QuotaGate.TokenBucket b = new QuotaGate.TokenBucket(5, 5, nanos::get);
        for (int i = 0; i < 5; i++) {
            assertTrue(b.tryTake());
        }
        assertFalse(b.tryTake());
        nanos.addAndGet(199_000_000L);
        assertFalse(b.tryTake(), "just under one token after 199 ms at 5/s");
        nanos.addAndGet(2_000_000L);
        assertTrue(b.tryTake());
    }

    @Test
    void exhaustedQuotaAnswersThrottlingExceptionThroughTheSdk() throws Exception {
        RequestGate gate = QuotaGate.builder().limit("FilterLogEvents", 0.001, 2).build();
        try (CloudWatchLogsEmulator emu = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0), gate);
             CloudWatchLogsClient cw = SdkClients.clientWithoutRetries(emu)) {
            emu.logs().ensureStream("g", "s");
            cw.filterLogEvents(b -> b.logGroupName("g"));
            cw.filterLogEvents(b -> b.logGroupName("g"));
            CloudWatchLogsException e = assertThrows(CloudWatchLogsException.class,
                    () -> cw.filterLogEvents(b -> b.logGroupName("g")));
            assertEquals("ThrottlingException", e.awsErrorDetails().errorCode());
            assertEquals("Rate exceeded", e.awsErrorDetails().errorMessage());
            assertEquals(400, e.statusCode());
            assertTrue(e.isThrottlingException());
            // other operations have no quota
            for (int i = 0; i < 5; i++) {
                cw.describeLogGroups();
            }
        }
    }

    @Test
    void customGateCanInjectServerErrorsAndCutResponses() throws Exception {
        RequestGate faults = new RequestGate() {
            @Override
            public void admit(String operation) {
                if (operation.equals("DescribeLogGroups")) {
                    throw new EmulatorException("ServiceUnavailableException", "injected", 503);
                }
            }

            @Override
            public java.io.OutputStream wrapResponse(String operation, java.io.OutputStream body) {
                if (!operation.equals("FilterLogEvents")) {
                    return body;
                }
                return new java.io.FilterOutputStream(body) {
                    private int written;

                    @Override
                    public void write(byte[] b, int off, int len) throws java.io.IOException {
                        if (written + len > 20) {
                            throw new java.io.IOException("cut by fault injection");
                        }
                        written += len;
                        out.write(b, off, len);
                    }
                };
            }
        };
        try (CloudWatchLogsEmulator emu = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0), faults);
             CloudWatchLogsClient cw = SdkClients.clientWithoutRetries(emu)) {
            emu.logs().ensureStream("g", "s");
            emu.logs().putLogEvents("g", "s", java.util.List.of(new InputLogEvent(System.currentTimeMillis(), "x")));
            CloudWatchLogsException e = assertThrows(CloudWatchLogsException.class, () -> cw.describeLogGroups());
            assertEquals(503, e.statusCode());
            assertEquals("ServiceUnavailableException", e.awsErrorDetails().errorCode());
            // a response cut mid-body surfaces as a client-side failure, not as a (wrong) successful result
            assertThrows(software.amazon.awssdk.core.exception.SdkException.class,
                    () -> cw.filterLogEvents(b -> b.logGroupName("g")));
            cw.createLogStream(b -> b.logGroupName("g").logStreamName("unaffected"));
        }
    }
}
