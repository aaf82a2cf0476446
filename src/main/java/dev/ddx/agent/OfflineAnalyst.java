package dev.ddx.agent;

import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.pattern.Finding;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ddx's built-in model: deterministic, no network. Through the same agent loop as a real model,
 * it first plans tool calls for the question (one turn), then writes the answer from the tool
 * results, the findings and the catalog (the next turn). Every answer ends in the same shape:
 * patterns (id and evidence), next commands, fix.
 */
public final class OfflineAnalyst implements ChatModel {
    public static final String NAME = "offline";
    private final Incident incident;
    private final QuestionParser parser;
    private int calls;

    public OfflineAnalyst(Incident incident) {
        this.incident = incident;
        this.parser = new QuestionParser(incident.catalog());
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        List<ChatMessage> ms = request.messages();
        int userAt = lastUser(ms);
        String question = userAt < 0 ? "" : ((UserMessage) ms.get(userAt)).singleText();
        Map<String, String> results = new LinkedHashMap<>();
        for (ChatMessage m : ms.subList(userAt + 1, ms.size())) {
            if (m instanceof ToolExecutionResultMessage t) results.merge(t.toolName(), t.text(), (a, b) -> a + "\n" + b);
        }
        Question q = parser.parse(question);
        Set<String> available = request.toolSpecifications() == null ? Set.of()
                : request.toolSpecifications().stream().map(ToolSpecification::name).collect(Collectors.toSet());
        AiMessage ai;
        if (results.isEmpty() && !available.isEmpty()) {
            List<ToolExecutionRequest> plan = plan(q, available);
            ai = plan.isEmpty() ? AiMessage.from(new AnswerWriter(incident).write(q, results)) : AiMessage.from(plan);
        } else {
            ai = AiMessage.from(new AnswerWriter(incident).write(q, results));
        }
        // no token usage: the observer estimates it and says so
        return ChatResponse.builder().aiMessage(ai).modelName(NAME)
                .finishReason(ai.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP).build();
    }

    private static int lastUser(List<ChatMessage> ms) {
        for (int i = ms.size() - 1; i >= 0; i--) if (ms.get(i) instanceof UserMessage u && u.hasSingleText()) return i;
        return -1;
    }

    /** The tool calls that gather what the question needs, limited to the tools this session has. */
    List<ToolExecutionRequest> plan(Question q, Set<String> available) {
        List<String[]> p = new ArrayList<>();
        boolean debugger = incident.primary().isPresent();
        String thread = q.thread().map(OfflineAnalyst::json).orElse("\"\"");
        switch (q.intent()) {
            case CRASH -> {
                add(p, "exception_info", "{}");
                add(p, "backtrace", "{\"thread_id\":\"\"}");
                culprit().ifPresent(f -> add(p, "frame_locals", "{\"thread_id\":\"\",\"frame\":" + f.index() + "}"));
            }
            case BLOCKING -> {
                if (q.thread().isPresent()) add(p, "backtrace", "{\"thread_id\":" + thread + "}");
                else add(p, "list_threads", "{}");
                add(p, "locks", "{}");
            }
            case SPIN -> add(p, "list_threads", "{}");
            case THREAD -> {
                add(p, "backtrace", "{\"thread_id\":" + thread + "}");
                culpritOf(q.thread().get()).ifPresent(f ->
                        add(p, "frame_locals", "{\"thread_id\":" + thread + ",\"frame\":" + f.index() + "}"));
            }
            case PATTERN -> add(p, "pattern", "{\"id\":" + json(q.pattern().orElse("")) + "}");
            case COMPARE -> add(p, "compare_last_run", "{}");
            case LOGS -> add(p, "log_summary", "{}");
            case FIX -> incident.findings().stream().map(Finding::patternId).distinct().limit(3)
                    .forEach(id -> add(p, "pattern", "{\"id\":" + json(id) + "}"));
            case OVERVIEW -> {
                if (debugger) add(p, "list_threads", "{}");
                if (incident.logs().isPresent()) add(p, "log_summary", "{}");
            }
            default -> { }
        }
        add(p, "findings", "{}");
        if (q.intent() == Question.Intent.LEAK && incident.logs().isPresent()) add(p, "log_summary", "{}");
        add(p, "next_commands", "{}");
        List<ToolExecutionRequest> out = new ArrayList<>();
        for (String[] call : p) {
            if (!available.contains(call[0])) continue;
            if (!debugger && Set.of("exception_info", "backtrace", "frame_locals", "list_threads", "locks").contains(call[0])) continue;
            out.add(ToolExecutionRequest.builder().id("offline-" + (++calls)).name(call[0]).arguments(call[1]).build());
        }
        return out;
    }

    private Optional<StackFrame> culprit() {
        return incident.culprit();
    }

    private Optional<StackFrame> culpritOf(String threadId) {
        return incident.snapshot().flatMap(s -> s.thread(threadId)).flatMap(Incident::culpritFrame);
    }

    private static void add(List<String[]> p, String name, String args) {
        for (String[] c : p) if (c[0].equals(name) && c[1].equals(args)) return;
        p.add(new String[] {name, args});
    }

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
