package dev.ddx.backend.pdb;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequirementsParserTest {

    @Test
    void onlyExactPinsCountWithNamesNormalised() {
        String text = """
                # tested with
                Requests==2.31.0  # http
                flask[async] == 3.0.0 ; python_version >= "3.8"
                typing_extensions===4.9.0
                numpy>=1.24
                -r other.txt
                git+https://example.invalid/x.git
                """;
        assertEquals(Map.of("requests", "2.31.0", "flask", "3.0.0", "typing-extensions", "4.9.0"),
                RequirementsParser.pins(text));
    }
}
