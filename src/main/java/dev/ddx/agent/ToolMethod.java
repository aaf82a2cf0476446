package dev.ddx.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

/**
 * Calls one {@code @Tool} method with the model's JSON arguments, matched by parameter name.
 * Unlike langchain4j's default executor it lets the method's own exceptions out unchanged, so
 * the tool box's error policy can tell a refused command from a dead debugger.
 */
final class ToolMethod {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Object target;
    private final Method method;

    ToolMethod(Object target, Method method) {
        this.target = target;
        this.method = method;
        method.setAccessible(true);
    }

    /** Arguments the tool cannot take: not JSON, a missing required value, a value of the wrong type. */
    static final class BadArgumentsException extends RuntimeException {
        BadArgumentsException(String message) {
            super(message);
        }
    }

    String invoke(String argumentsJson) {
        Object[] args = arguments(argumentsJson);
        try {
            Object r = method.invoke(target, args);
            return r == null ? "" : r.toString();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object[] arguments(String json) {
        JsonNode node;
        try {
            node = json == null || json.isBlank() ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (Exception e) {
            throw new BadArgumentsException("the arguments are not valid JSON: " + json);
        }
        if (node == null || !node.isObject()) throw new BadArgumentsException("the arguments must be a JSON object: " + json);
        Parameter[] ps = method.getParameters();
        Object[] out = new Object[ps.length];
        for (int i = 0; i < ps.length; i++) out[i] = value(ps[i], node.get(ps[i].getName()));
        return out;
    }

    private static Object value(Parameter p, JsonNode v) {
        Class<?> t = p.getType();
        boolean missing = v == null || v.isNull();
        if (t == String.class) return missing ? null : v.isTextual() ? v.asText() : v.toString();
        if (t == int.class || t == Integer.class) {
            if (missing) {
                if (t == int.class) throw new BadArgumentsException("'" + p.getName() + "' is required");
                return null;
            }
            if (v.canConvertToInt()) return v.asInt();
            if (v.isTextual() && v.asText().strip().matches("#?\\d+")) return Integer.parseInt(v.asText().strip().replace("#", ""));
            throw new BadArgumentsException("'" + p.getName() + "' must be a whole number, not " + v);
        }
        throw new IllegalStateException("tool parameter type not supported: " + t);
    }
}
