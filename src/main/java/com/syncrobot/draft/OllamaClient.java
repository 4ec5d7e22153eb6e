package com.syncrobot.draft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Ticker;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Talks to Ollama at the first of the configured endpoints that answers (R13). The endpoint is found
 * by probing every URL's {@code GET /api/tags} at once with a short timeout; the answer, including
 * "none answered", is cached for a few minutes so a dead model costs one probe, not one per draft.
 * Thread-safe.
 */
public final class OllamaClient {
  public static final String DEFAULT_MODEL = "qwen3:14b";

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  static final long MAX_BODY_BYTES = 1 << 20;

  private final List<HttpUrl> urls;
  private final OkHttpClient chatClient;
  private final ObjectMapper mapper;
  private final String model;
  private final Duration probeTimeout;
  private final Duration chatTimeout;
  private final EndpointProbe probe;

  private OllamaClient(Builder b, List<HttpUrl> urls) {
    this.urls = urls;
    OkHttpClient base = b.httpClient != null ? b.httpClient : new OkHttpClient();
    OkHttpClient probeClient = base.newBuilder()
        .connectTimeout(b.probeTimeout).readTimeout(b.probeTimeout).callTimeout(b.probeTimeout).build();
    this.chatClient = base.newBuilder()
        .connectTimeout(b.probeTimeout).readTimeout(b.chatTimeout).writeTimeout(b.chatTimeout)
        .callTimeout(b.chatTimeout).build();
    this.mapper = b.objectMapper != null ? b.objectMapper : new ObjectMapper();
    this.model = b.model;
    this.probeTimeout = b.probeTimeout;
    this.chatTimeout = b.chatTimeout;
    this.probe = new EndpointProbe(urls, probeClient, mapper, model, b.probeTimeout, b.probeCacheTtl, b.ticker);
  }

  /** Returns a builder; without URLs the client never calls anything and every draft falls back. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns whether any endpoint is configured; without one every draft falls back at once. */
  public boolean configured() {
    return !urls.isEmpty();
  }

  /** Returns the model asked for, e.g. {@code qwen3:14b}. */
  public String model() {
    return model;
  }

  /**
   * Returns the endpoint to use, probing when the cached answer is missing or expired; empty when no
   * URL is configured or none answered with the model listed.
   */
  public Optional<HttpUrl> endpoint() {
    return probe.endpoint();
  }

  /** Returns {@code scheme://host:port} of {@code url}: never its credentials, path or query. */
  public static String shown(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }

  /**
   * Sends one {@code POST /api/chat} with {@code format:"json"} and returns the JSON object the model
   * answered with.
   *
   * @throws OllamaException if no endpoint answers, the call times out or fails, or the answer is not
   *     a JSON object
   */
  public ObjectNode chatJson(String system, String user) {
    Objects.requireNonNull(system, "system == null");
    Objects.requireNonNull(user, "user == null");
    HttpUrl endpoint = endpoint().orElseThrow(() -> new OllamaException(OllamaException.Reason.NO_ENDPOINT,
        urls.isEmpty() ? "no Ollama endpoint is configured"
            : "no Ollama endpoint answered GET /api/tags with " + model + " within " + seconds(probeTimeout)));
    ObjectNode body = mapper.createObjectNode();
    body.put("model", model);
    body.put("stream", false);
    body.put("think", false);
    body.put("format", "json");
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", system);
    messages.addObject().put("role", "user").put("content", user);
    Request request = new Request.Builder()
        .url(Objects.requireNonNull(endpoint.resolve("api/chat"), "api/chat"))
        .post(RequestBody.create(body.toString(), JSON))
        .build();
    String where = "Ollama at " + shown(endpoint);
    String text;
    try (Response response = chatClient.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new OllamaException(OllamaException.Reason.UNAVAILABLE, where + " answered HTTP " + response.code());
      }
      text = response.peekBody(MAX_BODY_BYTES).string();
    } catch (InterruptedIOException e) {
      throw new OllamaException(OllamaException.Reason.TIMEOUT,
          where + " did not answer within " + seconds(chatTimeout), e);
    } catch (IOException e) {
      throw new OllamaException(OllamaException.Reason.UNAVAILABLE,
          "could not reach " + where + " (" + e.getClass().getSimpleName() + ")", e);
    }
    return content(text, where);
  }

  private ObjectNode content(String text, String where) {
    JsonNode content;
    try {
      content = mapper.readTree(text).path("message").path("content");
    } catch (JsonProcessingException e) {
      throw new OllamaException(OllamaException.Reason.INVALID_JSON, where + " sent a reply that is not JSON", e);
    }
    if (!content.isTextual()) {
      throw new OllamaException(OllamaException.Reason.INVALID_JSON, where + " sent no message content");
    }
    String s = content.asText().strip();
    // A reasoning model may still wrap its object in stray text; the object itself is what was asked for.
    int start = s.indexOf('{');
    int end = s.lastIndexOf('}');
    if (start < 0 || end < start) {
      throw new OllamaException(OllamaException.Reason.INVALID_JSON, "the model's answer was not a JSON object");
    }
    try {
      JsonNode parsed = mapper.readTree(s.substring(start, end + 1));
      if (parsed instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException e) {
      throw new OllamaException(OllamaException.Reason.INVALID_JSON, "the model's answer was not valid JSON", e);
    }
    throw new OllamaException(OllamaException.Reason.INVALID_JSON, "the model's answer was not a JSON object");
  }

  static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
  }

  /** Builds an {@link OllamaClient}; not thread-safe. */
  public static final class Builder {
    private List<URI> urls = List.of();
    private @Nullable OkHttpClient httpClient;
    private @Nullable ObjectMapper objectMapper;
    private String model = DEFAULT_MODEL;
    private Ticker ticker = Ticker.systemTicker();
    private Duration probeTimeout = Duration.ofMillis(2_500);
    private Duration chatTimeout = Duration.ofSeconds(90);
    private Duration probeCacheTtl = Duration.ofMinutes(5);

    private Builder() {}

    /** Sets the Ollama base URLs in order of preference, e.g. {@code http://gpu-box:11434}. */
    public Builder urls(List<URI> urls) {
      this.urls = List.copyOf(urls);
      return this;
    }

    /** Sets the OkHttp client to derive from (shares its pool); timeouts here override its own. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
      return this;
    }

    public Builder objectMapper(ObjectMapper objectMapper) {
      this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper == null");
      return this;
    }

    public Builder model(String model) {
      Objects.requireNonNull(model, "model == null");
      if (model.isBlank()) {
        throw new IllegalArgumentException("model must not be blank");
      }
      this.model = model.strip();
      return this;
    }

    /** Sets the ticker that ages the cached probe result; tests advance a fake one. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker == null");
      return this;
    }

    /** Sets how long one probe of {@code /api/tags} may take (default 2.5 s; R13 says 2–3 s). */
    public Builder probeTimeout(Duration d) {
      this.probeTimeout = positive(d, "probeTimeout");
      return this;
    }

    /** Sets how long one chat call may take (default 90 s). */
    public Builder chatTimeout(Duration d) {
      this.chatTimeout = positive(d, "chatTimeout");
      return this;
    }

    /** Sets how long a probe result is reused (default 5 minutes). */
    public Builder probeCacheTtl(Duration d) {
      this.probeCacheTtl = positive(d, "probeCacheTtl");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalArgumentException if a URL is not an http(s) URL
     */
    public OllamaClient build() {
      List<HttpUrl> parsed = new ArrayList<>();
      for (URI u : urls) {
        HttpUrl url = HttpUrl.parse(u.toString());
        if (url == null) {
          // Not echoed whole: a URL may carry user:password.
          throw new IllegalArgumentException("Ollama URL is not an http(s) URL (host " + u.getHost() + ")");
        }
        String path = url.encodedPath().endsWith("/") ? url.encodedPath() : url.encodedPath() + "/";
        parsed.add(url.newBuilder().encodedPath(path).query(null).fragment(null).build());
      }
      return new OllamaClient(this, List.copyOf(parsed));
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }
  }
}
