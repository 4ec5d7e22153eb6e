package com.syncrobot.draft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Ollama endpoint to draft with: probes every URL's {@code GET /api/tags} at once and takes
 * the first that answers listing the model. The result, "none answered" included, is cached until the
 * ticker passes the TTL, so a dead model costs one probe rather than one per draft (R13). Per process on
 * purpose: whether a model answers is each replica's own view of its network. Thread-safe:
 * concurrent callers wait for the same probe.
 */
final class EndpointProbe {
  private static final Logger log = LoggerFactory.getLogger(EndpointProbe.class);
  private static final String KEY = "endpoint";

  private final List<HttpUrl> urls;
  private final OkHttpClient probeClient;
  private final ObjectMapper mapper;
  private final String model;
  private final Duration probeTimeout;
  private final Cache<String, Optional<HttpUrl>> cache;

  EndpointProbe(List<HttpUrl> urls, OkHttpClient probeClient, ObjectMapper mapper, String model,
      Duration probeTimeout, Duration ttl, Ticker ticker) {
    this.urls = List.copyOf(urls);
    this.probeClient = probeClient;
    this.mapper = mapper;
    this.model = model;
    this.probeTimeout = probeTimeout;
    this.cache = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(ttl).ticker(ticker).build();
  }

  /** Returns the cached endpoint, probing first when there is no fresh answer; empty without URLs. */
  Optional<HttpUrl> endpoint() {
    if (urls.isEmpty()) {
      return Optional.empty();
    }
    return cache.get(KEY, k -> probe());
  }

  private Optional<HttpUrl> probe() {
    CompletableFuture<@Nullable HttpUrl> winner = new CompletableFuture<>();
    AtomicInteger pending = new AtomicInteger(urls.size());
    List<Call> calls = new ArrayList<>();
    for (HttpUrl url : urls) {
      Call call = probeClient.newCall(new Request.Builder()
          .url(Objects.requireNonNull(url.resolve("api/tags"), "api/tags")).get().build());
      calls.add(call);
      call.enqueue(new Callback() {
        @Override
        public void onResponse(Call c, Response response) {
          boolean ok;
          try (response) {
            ok = response.isSuccessful() && listsModel(response.peekBody(OllamaClient.MAX_BODY_BYTES).string());
          } catch (IOException e) {
            ok = false;
          }
          if (ok) {
            winner.complete(url);
          } else {
            log.info("Ollama at {} does not offer {} (HTTP {})", OllamaClient.shown(url), model, response.code());
            lost();
          }
        }

        @Override
        public void onFailure(Call c, IOException e) {
          log.info("Ollama at {} did not answer the probe: {}", OllamaClient.shown(url), e.getClass().getSimpleName());
          lost();
        }

        private void lost() {
          if (pending.decrementAndGet() == 0) {
            winner.complete(null);
          }
        }
      });
    }
    try {
      // Each call stops at its own call timeout; this bound only guards against a stuck dispatcher.
      HttpUrl found = winner.get(probeTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      if (found != null) {
        log.info("Drafting with {} at {}", model, OllamaClient.shown(found));
      }
      return Optional.ofNullable(found);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // Not cached: an interrupted probe says nothing about the endpoints.
      throw new OllamaException(OllamaException.Reason.NO_ENDPOINT, "the Ollama probe was interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty();
    } finally {
      calls.forEach(Call::cancel);
    }
  }

  private boolean listsModel(String tags) {
    try {
      for (JsonNode m : mapper.readTree(tags).path("models")) {
        if (model.equals(m.path("name").asText()) || model.equals(m.path("model").asText())) {
          return true;
        }
      }
    } catch (JsonProcessingException e) {
      return false;
    }
    return false;
  }
}
