package dev.ddx.backend.logs.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ddx.error.TargetUnreadableException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.time.Duration;

/** One HTTP exchange with a log store, turning every failure into one clear line. */
final class HttpFetch {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(60)).build();

    private HttpFetch() {
    }

    static JsonNode json(String store, Request.Builder request, HttpAuth auth) {
        auth.apply(request);
        Request r = request.build();
        try (Response response = CLIENT.newCall(r).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (response.code() == 401 || response.code() == 403) {
                throw new TargetUnreadableException(store + " at " + r.url().host() + ":" + r.url().port()
                        + " refused the credentials (HTTP " + response.code() + ")",
                        "give --bearer TOKEN or --basic USER:PASS (or set DDX_LOGS_BEARER / DDX_LOGS_BASIC)");
            }
            if (!response.isSuccessful()) {
                throw new TargetUnreadableException(store + " query failed: HTTP " + response.code() + " " + firstLine(text),
                        "check the URL, the index and the query");
            }
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new TargetUnreadableException(store + " at " + r.url().host() + ":" + r.url().port()
                    + " cannot be read: " + e.getMessage(), "check the URL and that the store is up");
        }
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        t = nl < 0 ? t : t.substring(0, nl);
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }
}
