package io.watchpost.source.emulator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/**
 * The AWS JSON 1.1 wire protocol: {@code POST /} with {@code X-Amz-Target: Logs_20140328.<Operation>} and a JSON
 * body, answered with a JSON body, an {@code x-amzn-RequestId}, and on failure AWS's error shape
 * ({@code {"__type":..., "message":...}} plus {@code x-amzn-ErrorType}).
 */
final class RequestDispatcher implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);
    static final String TARGET_PREFIX = "Logs_20140328.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final Map<String, OperationHandler> handlers;
    private final RequestGate gate;
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonFactory factory = mapper.getFactory();

    RequestDispatcher(EmulatedLogs logs, RequestGate gate) {
        this.gate = gate;
        this.handlers = Map.of(
                "CreateLogGroup", CreateHandlers.createLogGroup(logs),
                "CreateLogStream", CreateHandlers.createLogStream(logs),
                "PutLogEvents", new PutLogEventsHandler(logs),
                "DescribeLogGroups", DescribeHandlers.describeLogGroups(logs),
                "DescribeLogStreams", DescribeHandlers.describeLogStreams(logs),
                "FilterLogEvents", new FilterLogEventsHandler(logs),
                "GetLogEvents", new GetLogEventsHandler(logs));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        boolean aborted = false;
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        try {
            byte[] body = readBody(exchange); // always drain, so the connection can be kept alive
            String operation = operationOf(exchange);
            JsonBody response;
            try {
                if (!exchange.getRequestHeaders().containsKey("Authorization")) {
                    // The SDK and the CLI always sign when they have credentials; unsigned requests fail as on AWS.
                    throw new EmulatorException("MissingAuthenticationTokenException",
                            "Request is missing Authentication Token");
                }
                gate.admit(operation);
                response = handlers.get(operation).handle(new RequestFields(parse(body)));
            } catch (EmulatorException e) {
                sendError(exchange, e);
                return;
            } catch (RuntimeException e) {
                LOG.error("Internal failure in {} ({})", operation, requestId, e);
                sendError(exchange, EmulatorException.internal("Internal failure: " + e));
                return;
            }
            try {
                send(exchange, operation, response);
            } catch (IOException | RuntimeException e) {
                // The 200 and part of the body are out. Closing the exchange would write the final chunk and
                // make the truncated body look complete, so leave it open and let the server drop the socket.
                aborted = true;
                throw e instanceof IOException io ? io : new IOException("response aborted", e);
            }
        } catch (EmulatorException e) {
            sendError(exchange, e);
        } finally {
            if (!aborted) {
                exchange.close();
            }
        }
    }

    /** Returns the operation or throws UnknownOperationException, as AWS does for anything it cannot route. */
    private String operationOf(HttpExchange exchange) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)
                || !handlers.containsKey(target.substring(TARGET_PREFIX.length()))) {
            throw new EmulatorException("UnknownOperationException", null);
        }
        return target.substring(TARGET_PREFIX.length());
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        // The JDK server already undoes Transfer-Encoding: chunked; Content-Encoding: gzip is ours to undo.
        InputStream in = exchange.getRequestBody();
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip")) {
            try (InputStream gz = new GZIPInputStream(in)) {
                return gz.readAllBytes();
            }
        }
        return in.readAllBytes();
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode n = mapper.readTree(body);
            if (n == null || n.isMissingNode()) {
                return mapper.createObjectNode();
            }
            if (!n.isObject()) {
                throw EmulatorException.serialization("Start of structure or map found where not expected.");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw EmulatorException.serialization("Could not parse request body as JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw EmulatorException.serialization(e.getMessage());
        }
    }

    private void send(HttpExchange exchange, String operation, JsonBody response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(200, 0); // chunked: the body is streamed as it is generated
        OutputStream out = gate.wrapResponse(operation, exchange.getResponseBody());
        // Not try-with-resources: on failure the generator must not close its JSON or the stream (see handle).
        JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        response.writeTo(g);
        g.close();
        out.close();
    }

    private void sendError(HttpExchange exchange, EmulatorException e) throws IOException {
        StringBuilder json = new StringBuilder("{\"__type\":");
        json.append(mapper.writeValueAsString(e.errorCode()));
        if (e.getMessage() != null) {
            json.append(",\"message\":").append(mapper.writeValueAsString(e.getMessage()));
        }
        json.append('}');
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-ErrorType", e.errorCode());
        exchange.sendResponseHeaders(e.httpStatus(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
