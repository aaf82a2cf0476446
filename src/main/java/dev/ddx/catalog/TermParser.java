package dev.ddx.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns text into search terms: lower-cased words and numbers, stemmed. Stop words are kept in
 * {@link #stems} (synonym phrases such as "waiting for each other" need them) and dropped by
 * {@link #terms}.
 */
final class TermParser {
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "is", "are", "was",
            "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "my", "our", "your",
            "i", "we", "me", "you", "they", "them", "their", "he", "she", "what", "why", "how", "when", "where",
            "which", "who", "there", "here", "has", "have", "had", "do", "doe", "did", "from", "by", "as",
            "but", "so", "if", "just", "some", "any", "can", "could", "will", "would", "should", "keep",
            "get", "got", "still", "now", "then", "than", "very", "really", "anymore", "like", "each",
            "other", "into", "out", "up", "about", "after", "before", "again", "only", "also", "same",
            "one", "thing", "something", "anything", "way", "seem", "look", "lot", "all", "every", "too",
            "im", "am", "us", "isnt", "dont", "doesnt", "cant", "wont", "please", "help", "need", "until", "while",
            "because", "since", "even");
    private static final Set<String> STOP = STOP_WORDS.stream().map(Stemmer::stem)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private TermParser() {
    }

    /** Every word of the text, stemmed, stop words included, in order. */
    static List<String> stems(String text) {
        List<String> out = new ArrayList<>();
        for (String w : words(text)) out.add(Stemmer.stem(w));
        return out;
    }

    /** Every word of the text, lower-cased, not stemmed, in order. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String t = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i <= t.length(); i++) {
            char ch = i < t.length() ? t.charAt(i) : ' ';
            if (Character.isLetterOrDigit(ch) || ch == '_') {
                word.append(ch);
            } else if (ch == '\'' && word.length() > 0) {
                continue; // "doesn't" reads as "doesnt"
            } else if (word.length() > 0) {
                out.add(word.toString());
                word.setLength(0);
            }
        }
        return out;
    }

    /** The stems that carry meaning: {@link #stems} without stop words. */
    static List<String> terms(String text) {
        return withoutStopWords(stems(text));
    }

    static List<String> withoutStopWords(List<String> stems) {
        List<String> out = new ArrayList<>();
        for (String s : stems) if (!isStop(s)) out.add(s);
        return out;
    }

    static boolean isStop(String stem) {
        return STOP.contains(stem);
    }
}
