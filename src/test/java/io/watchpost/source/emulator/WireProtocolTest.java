package io.watchpost.source.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The raw AWS JSON 1.1 exchange: headers, error shapes, and requests the SDK would never send. */
class WireProtocolTest {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private CloudWatchLogsEmulator emu;

    @BeforeEach
    void start() throws Exception {
        emu = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0));
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private HttpResponse<String> post(String target, String body, boolean signed) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emu.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            b.header("X-Amz-Target", target);
        }
        if (signed) {
            b.header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/logs/aws4_request, "
                    + "SignedHeaders=host, Signature=0000");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void successCarriesJsonContentTypeAndRequestId() throws Exception {
        HttpResponse<String> r = post("Logs_20140328.CreateLogGroup", "{\"logGroupName\":\"g\"}", true);
        assertEquals(200, r.statusCode());
        assertEquals("{}", r.body());
        assertEquals("application/x-amz-json-1.1", r.headers().firstValue("Content-Type").orElseThrow());
        assertFalse(r.headers().firstValue("x-amzn-RequestId").orElseThrow().isBlank());
    }

    @Test
    void errorsUseAwsShapeAndHeader() throws Exception {
        HttpResponse<String> r = post("Logs_20140328.DescribeLogStreams", "{\"logGroupName\":\"nope\"}", true);
        assertEquals(400, r.statusCode());
        JsonNode body = json.readTree(r.body());
        assertEquals("ResourceNotFoundException", body.get("__type").asText());
        assertEquals("The specified log group does not exist.", body.get("message").asText());
        assertEquals("ResourceNotFoundException", r.headers().firstValue("x-amzn-ErrorType").orElseThrow());
    }

    @Test
    void unknownOperationsIncludingStartLiveTailAreRefused() throws Exception {
        for (String target : new String[]{"Logs_20140328.StartLiveTail", "Logs_20140328.Nope", "Kinesis_20131202.PutRecord"}) {
            HttpResponse<String> r = post(target, "{}", true);
            assertEquals(400, r.statusCode(), target);
            assertEquals("UnknownOperationException", json.readTree(r.body()).get("__type").asText());
        }
        assertEquals(400, post(null, "{}", true).statusCode());
    }

    @Test
    void unknownOperationReachesTheSdkAsServiceError() {
        // DeleteLogGroup exists in the SDK but not (yet) in the emulator.
        try (CloudWatchLogsClient cw = SdkClients.client(emu)) {
            CloudWatchLogsException e = assertThrows(CloudWatchLogsException.class,
                    () -> cw.deleteLogGroup(b -> b.logGroupName("g")));
            assertEquals("UnknownOperationException", e.awsErrorDetails().errorCode());
            assertEquals(400, e.statusCode());
        }
    }

    @Test
    void unparsableJsonAndWrongTypesAreSerializationExceptions() throws Exception {
        HttpResponse<String> broken = post("Logs_20140328.CreateLogGroup", "{\"logGroupName\":", true);
        assertEquals(400, broken.statusCode());
        assertEquals("SerializationException", json.readTree(broken.body()).get("__type").asText());
        HttpResponse<String> wrongType = post("Logs_20140328.FilterLogEvents",
                "{\"logGroupName\":\"g\",\"limit\":\"ten\"}", true);
        assertEquals("SerializationException", json.readTree(wrongType.body()).get("__type").asText());
    }

    @Test
    void unsignedRequestsAreRefused() throws Exception {
        HttpResponse<String> r = post("Logs_20140328.DescribeLogGroups", "{}", false);
        assertEquals(400, r.statusCode());
        assertEquals("MissingAuthenticationTokenException", json.readTree(r.body()).get("__type").asText());
    }

    @Test
    void gzipRequestBodiesAreAccepted() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write("{\"logGroupName\":\"zipped\"}".getBytes(StandardCharsets.UTF_8));
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(emu.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("Content-Encoding", "gzip")
                .header("X-Amz-Target", "Logs_20140328.CreateLogGroup")
                .header("Authorization", "AWS4-HMAC-SHA256 x")
                .POST(HttpRequest.BodyPublishers.ofByteArray(buf.toByteArray())).build();
        assertEquals(200, http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertTrue(emu.logs().hasLogGroup("zipped"));
    }
}
