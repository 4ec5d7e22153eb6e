package com.syncrobot.feature.create;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.syncrobot.slack.Asker;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.SearchText;

import com.slack.api.app_backend.interactive_components.payload.BlockSuggestionPayload;
import com.slack.api.app_backend.interactive_components.response.Option;
import com.slack.api.bolt.handler.builtin.BlockSuggestionHandler;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.Asset;
import com.syncrobot.syncro.Customer;
import com.syncrobot.syncro.CustomerId;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The type-ahead of the create modal's external selects (block_suggestion): customers matching the
 * typed text (at least 2 characters), and the chosen customer's assets. Slack waits 3 seconds for
 * the options, so a search that takes longer than {@link #BUDGET} answers with none. At most 100
 * options, texts cut to 75 characters. Thread-safe.
 */
public final class CreateSuggestions {
  static final Duration BUDGET = Duration.ofMillis(2500);
  private static final Logger log = LoggerFactory.getLogger(CreateSuggestions.class);

  private final ConnectedUserStore users;
  private final SyncroClient syncro;
  private final WorkQueue work;

  CreateSuggestions(ConnectedUserStore users, SyncroClient syncro, WorkQueue work) {
    this.users = users;
    this.syncro = syncro;
    this.work = work;
  }

  BlockSuggestionHandler customers() {
    return (req, ctx) -> {
      String typed = Objects.requireNonNullElse(req.getPayload().getValue(), "").strip();
      if (typed.length() < CreateModal.MIN_CUSTOMER_QUERY || typed.length() > SearchText.MAX_CHARS) {
        return ctx.ack(r -> r.options(List.of()));
      }
      List<Option> options = search(req.getPayload(), api -> api.searchCustomers(typed).stream()
          .limit(100).map(CreateSuggestions::customerOption).toList());
      return ctx.ack(r -> r.options(options));
    };
  }

  BlockSuggestionHandler assets() {
    return (req, ctx) -> {
      BlockSuggestionPayload p = req.getPayload();
      Long customerId = p.getView() == null ? null
          : CreateModal.Meta.fromJson(p.getView().getPrivateMetadata()).map(CreateModal.Meta::customerId).orElse(null);
      String typed = Objects.requireNonNullElse(p.getValue(), "").strip();
      if (customerId == null || typed.length() > SearchText.MAX_CHARS) {
        return ctx.ack(r -> r.options(List.of()));
      }
      List<Option> options = search(p, api -> api.assets(new CustomerId(customerId), typed.isEmpty() ? null : typed)
          .stream().limit(100).map(CreateSuggestions::assetOption).toList());
      return ctx.ack(r -> r.options(options));
    };
  }

  private List<Option> search(BlockSuggestionPayload p, Function<SyncroApi, List<Option>> query) {
    if (p.getUser() == null) {
      return List.of();
    }
    ConnectedUser user = Asker.find(users, p.getUser().getId()).user();
    if (user == null) {
      return List.of();
    }
    SyncroApi api = syncro.as(user.token());
    CompletableFuture<List<Option>> answer = new CompletableFuture<>();
    if (!work.submit("suggestions", () -> {
      try {
        answer.complete(query.apply(api));
      } catch (RuntimeException e) {
        answer.completeExceptionally(e);
      }
    })) {
      return List.of();
    }
    try {
      return answer.get(BUDGET.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.info("Syncro search for {} took longer than {}; no options", p.getActionId(), BUDGET);
      return List.of();
    } catch (ExecutionException e) {
      log.info("Syncro search for {} failed: {}", p.getActionId(), SafeLog.describe(e.getCause()));
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  static Option customerOption(Customer c) {
    return option(Long.toString(c.id().value()), c.displayName());
  }

  static Option assetOption(Asset a) {
    String text = Stream.of(a.name(), a.assetType(), a.serial()).filter(s -> s != null && !s.isBlank())
        .collect(Collectors.joining(" · "));
    return option(Long.toString(a.id()), text);
  }

  private static Option option(String value, String text) {
    return new Option(plainText(Mrkdwn.truncate(text.isBlank() ? value : text, 75), true),
        Mrkdwn.truncate(value, 150));
  }
}
