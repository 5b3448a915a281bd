package io.watchpost.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EncodedEventTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void fieldsSurviveTheRoundTripWhateverTheyHoldAndKeepTheirOrder() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("requestParameters.policyDocument", "{\"Statement\":[{\"Effect\":\"Allow\"}]}");
        fields.put("path", "C:\\Windows\\System32");
        fields.put("control", "tab\there\nnewline\u0001bell\u001f");
        fields.put("unicode", "Zürich → 東京 \uD83D\uDD12");
        fields.put("key \"with\" quotes", "");
        fields.put("nothing", null);

        String json = EncodedEvent.fieldsJson(fields);
        Map<String, String> back = MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });

        assertEquals(fields, back);
        assertEquals(List.copyOf(fields.keySet()), List.copyOf(back.keySet()));
    }

    @Test
    void aBufferGrownByOneHugeEventDoesNotLeakIntoTheNext() throws Exception {
        String huge = "x".repeat(200_000);
        assertEquals(Map.of("big", huge), MAPPER.readValue(EncodedEvent.fieldsJson(Map.of("big", huge)), Map.class));
        assertEquals("{\"a\":\"1\"}", EncodedEvent.fieldsJson(Map.of("a", "1")));
        assertEquals("{}", EncodedEvent.fieldsJson(Map.of()));
    }
}
