package dev.ddx.backend.cdb;

import dev.ddx.backend.text.cdb.CdbSessionParser;

import java.util.regex.Pattern;

/** cdb prompts ({@code 0:000> }) that start an output line because cdb prints them without a newline. */
final class CdbPrompts {
    private static final Pattern PROMPTS = Pattern.compile("^(?:\\s*" + CdbSessionParser.PROMPT_TEXT + "\\s?)+");

    private CdbPrompts() {
    }

    static String strip(String line) {
        return PROMPTS.matcher(line).replaceFirst("");
    }
}
