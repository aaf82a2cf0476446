package dev.ddx.agent;

import dev.ddx.policy.SecretMasker;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;

import java.util.ArrayList;
import java.util.List;

/** Text of langchain4j messages, and messages with their text masked. */
public final class ChatMessages {
    private ChatMessages() {
    }

    /** The text of a message as a ModelRequest event records it (tool calls as name and arguments). */
    public static String text(ChatMessage m) {
        if (m instanceof SystemMessage s) return s.text();
        if (m instanceof UserMessage u) return u.hasSingleText() ? u.singleText() : String.valueOf(u.contents());
        if (m instanceof ToolExecutionResultMessage t) return t.text();
        if (m instanceof AiMessage a) {
            StringBuilder b = new StringBuilder(a.text() == null ? "" : a.text());
            if (a.hasToolExecutionRequests()) {
                for (ToolExecutionRequest r : a.toolExecutionRequests()) b.append(' ').append(r.name()).append(r.arguments());
            }
            return b.toString();
        }
        return String.valueOf(m);
    }

    static int estimate(List<ChatMessage> ms) {
        int n = 0;
        for (ChatMessage m : ms) n += Usage.estimate(text(m)) + 4;
        return n;
    }

    static List<ChatMessage> masked(List<ChatMessage> in, SecretMasker masker) {
        List<ChatMessage> out = new ArrayList<>(in.size());
        for (ChatMessage m : in) out.add(masked(m, masker));
        return out;
    }

    static ChatMessage masked(ChatMessage m, SecretMasker masker) {
        if (m instanceof SystemMessage s) return SystemMessage.from(masker.mask(s.text()));
        if (m instanceof UserMessage u && u.hasSingleText()) return UserMessage.from(masker.mask(u.singleText()));
        if (m instanceof ToolExecutionResultMessage t) return ToolExecutionResultMessage.from(t.id(), t.toolName(), masker.mask(t.text()));
        if (m instanceof AiMessage a) {
            List<ToolExecutionRequest> rs = new ArrayList<>();
            if (a.hasToolExecutionRequests()) {
                for (ToolExecutionRequest r : a.toolExecutionRequests()) {
                    rs.add(ToolExecutionRequest.builder().id(r.id()).name(r.name()).arguments(masker.mask(r.arguments())).build());
                }
            }
            String text = a.text() == null ? null : masker.mask(a.text());
            if (rs.isEmpty()) return text == null ? a : AiMessage.from(text);
            return text == null ? AiMessage.from(rs) : AiMessage.from(text, rs);
        }
        return m;
    }
}
