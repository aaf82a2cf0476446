package dev.ddx.agent;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;

import java.util.ArrayList;
import java.util.List;

/**
 * The conversation's memory: the system message plus the most recent whole turns (a user
 * message and everything after it up to the next), so a tool result is never kept without the
 * call that asked for it. Can be rolled back to a mark, so a failed or cancelled answer leaves
 * no half turn behind.
 */
final class SessionMemory implements ChatMemory {
    private final int maxMessages;
    private final List<ChatMessage> messages = new ArrayList<>();

    SessionMemory(int maxMessages) {
        this.maxMessages = maxMessages;
    }

    @Override
    public Object id() {
        return "ddx";
    }

    @Override
    public synchronized void add(ChatMessage message) {
        if (message instanceof SystemMessage) {
            messages.removeIf(m -> m instanceof SystemMessage);
            messages.add(0, message);
            return;
        }
        messages.add(message);
        evict();
    }

    private void evict() {
        int first = messages.isEmpty() || !(messages.get(0) instanceof SystemMessage) ? 0 : 1;
        while (messages.size() > maxMessages) {
            int next = -1;
            for (int i = first + 1; i < messages.size(); i++) {
                if (messages.get(i) instanceof UserMessage) {
                    next = i;
                    break;
                }
            }
            if (next < 0) return; // one turn longer than the window: keep it whole
            messages.subList(first, next).clear();
        }
    }

    @Override
    public synchronized List<ChatMessage> messages() {
        return List.copyOf(messages);
    }

    @Override
    public synchronized void clear() {
        messages.clear();
    }

    synchronized int mark() {
        return messages.size();
    }

    /** Drops everything added after {@code mark}. */
    synchronized void rollback(int mark) {
        if (mark < messages.size()) messages.subList(mark, messages.size()).clear();
    }
}
