package dev.ddx.backend.gdb;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The streaming tree reader gives exactly the tree jackson's ObjectMapper gives. */
class JsonTreeParserTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theTreeIsTheObjectMappersTree() throws IOException {
        List<String> docs = List.of(
                "{\"pid\": 4242, \"threads\": [{\"id\": \"1\", \"lwp\": 3000000000, \"frames\": [], \"cpu\": 1.5e3,"
                        + " \"addr\": 18446744073709551615, \"name\": \"w\\u00e9rker \\\"x\\\"\\n\", \"ok\": true,"
                        + " \"bad\": false, \"none\": null, \"neg\": -7, \"f\": -0.25}], \"dup\": 1, \"dup\": 2}",
                "[]", "{}", "[1, [2, [3, {\"a\": []}]]]", "\"text\"", "12", "  ", "");
        for (String d : docs) assertEquals(MAPPER.readTree(d), JsonTreeParser.parse(d), d);
    }

    @Test
    void malformedJsonIsAnError() {
        assertThrows(IOException.class, () -> JsonTreeParser.parse("{\"a\": [1, 2}"));
        assertThrows(IOException.class, () -> JsonTreeParser.parse("{\"a\": "));
    }
}
