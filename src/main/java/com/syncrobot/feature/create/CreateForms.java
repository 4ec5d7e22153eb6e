package com.syncrobot.feature.create;

import com.syncrobot.slack.LoadingModal;
import com.syncrobot.slack.QueuedNotice;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.SlackZones;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.Mrkdwn;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsUpdateResponse;
import com.slack.api.model.view.View;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.syncro.AccountDataCache;
import com.syncrobot.syncro.Customer;
import com.syncrobot.syncro.CustomerId;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.SyncroUser;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens and fills the create modal: a loading view at once with the trigger_id (it expires in about
 * 3 seconds), then, off Slack's thread, the account's lists, the technician's time zone and the
 * customer named in the command, and the form through views.update. Also rebuilds the form when the
 * customer or the issue type changes. Thread-safe.
 */
public final class CreateForms {
  private static final Logger log = LoggerFactory.getLogger(CreateForms.class);

  /** What to fill in: words naming the customer, the subject and the description. */
  record Prefill(String customerWords, String subject, String description) {}

  private final SyncroClient syncro;
  private final CreateVocabulary vocabulary;
  private final SlackZones zones;
  private final WorkQueue work;
  private final Cache<Long, Customer> customers;

  CreateForms(SyncroClient syncro, CreateVocabulary vocabulary, SlackZones zones, WorkQueue work, Ticker ticker) {
    this.syncro = syncro;
    this.vocabulary = vocabulary;
    this.zones = zones;
    this.work = work;
    // the customer's contacts are read again when the modal is rebuilt a moment later
    this.customers = AccountDataCache.create(200, ticker);
  }

  /**
   * Opens the loading modal now and fills it in the background; returns the problem for the asker
   * (escaped mrkdwn) when Slack did not open it or the bot is too busy.
   */
  Optional<String> open(MethodsClient client, String triggerId, ConnectedUser user, CreateModal.Meta meta,
      Supplier<Prefill> prefill) throws IOException, SlackApiException {
    Optional<Duration> wait = work.heldBack();
    View loading = wait.map(w -> LoadingModal.queued(CreateModal.loading(meta),
        work.notice(w, QueuedNotice.Awaited.FORM))).orElseGet(() -> CreateModal.loading(meta));
    ViewsOpenResponse opened = client.viewsOpen(r -> r.triggerId(triggerId).view(loading));
    if (!opened.isOk() || opened.getView() == null) {
      log.warn("views.open for the create modal failed: {}", opened.getError());
      return Optional.of("Slack did not open the dialog (" + Mrkdwn.escapeAndTruncate(String.valueOf(
          opened.getError()), 60) + "); try again.");
    }
    String viewId = opened.getView().getId();
    work.submitSyncro("create form", wait.orElse(null),
        () -> update(client, viewId, null, fill(user, meta, prefill.get())))
        .ifPresent(refused -> update(client, viewId, null, CreateModal.message(meta, refused)));
    return Optional.empty();
  }

  private View fill(ConnectedUser user, CreateModal.Meta opened, Prefill prefill) {
    // read now and carried in the form, so that the submission's checks (inside Slack's 3 s) know the
    // technician's date on whichever replica the submission reaches
    CreateModal.Meta meta = opened.withZone(zones.zone(user.slackUserId()));
    try {
      SyncroApi api = syncro.as(user.token());
      CreateVocabulary.Lists lists = vocabulary.get(api);
      List<String> notes = new ArrayList<>();
      Customer customer = prefill.customerWords().isBlank() ? null : named(api, prefill.customerWords(), notes);
      CreateForm.Choice choice = customer == null ? null
          : new CreateForm.Choice(customer.id().value(), customer.displayName());
      CreateForm form = CreateForm.prefill(choice, prefill.subject(), prefill.description(), user.syncroUserId());
      return CreateModal.form(meta, lists, form, customer, asker(user), notes);
    } catch (SyncroException e) {
      log.info("Loading the create form for {} failed: {}", user.slackUserId(), SafeLog.describe(e));
      return CreateModal.message(meta, UserMessages.forSyncro(e, "Syncro did not find the account's settings."));
    } catch (RuntimeException e) {
      log.error("Loading the create form failed: {}", SafeLog.describe(e));
      return CreateModal.message(meta, UserMessages.INTERNAL);
    }
  }

  /** Returns the one customer the words name, or null with a note saying why none was chosen. */
  private @Nullable Customer named(SyncroApi api, String words, List<String> notes) {
    List<Customer> found = api.searchCustomers(words.strip());
    String quoted = "“" + Mrkdwn.escapeAndTruncate(words.strip(), 60) + "”";
    Customer only = null;
    if (found.size() == 1) {
      only = found.get(0);
    } else {
      String wanted = words.strip().toLowerCase(Locale.ROOT);
      List<Customer> exact = found.stream()
          .filter(c -> c.displayName().strip().toLowerCase(Locale.ROOT).equals(wanted)).toList();
      if (exact.size() == 1) {
        only = exact.get(0);
      }
    }
    if (only == null) {
      notes.add(found.isEmpty() ? "No customer matches " + quoted + "; search for it below."
          : found.size() + " customers match " + quoted + "; choose one below.");
      return null;
    }
    return customer(api, only.id().value());
  }

  /** Returns the customer with its contacts, cached briefly. */
  Customer customer(SyncroApi api, long id) {
    return customers.get(id, k -> api.customer(new CustomerId(k)));
  }

  /**
   * Rebuilds the form after a block action: contacts, addresses and assets for the customer now
   * chosen, and {@code form}'s other values kept.
   */
  void rebuild(MethodsClient client, String viewId, @Nullable String hash, ConnectedUser user,
      CreateModal.Meta meta, CreateForm form) {
    View view;
    try {
      SyncroApi api = syncro.as(user.token());
      CreateVocabulary.Lists lists = vocabulary.get(api);
      Customer customer = form.customer() == null ? null : customer(api, form.customer().id());
      view = CreateModal.form(meta, lists, form, customer, asker(user), List.of());
    } catch (SyncroException e) {
      log.info("Rebuilding the create form for {} failed: {}", user.slackUserId(), SafeLog.describe(e));
      return;
    } catch (RuntimeException e) {
      log.error("Rebuilding the create form failed: {}", SafeLog.describe(e));
      return;
    }
    update(client, viewId, hash, view);
  }

  private static SyncroUser asker(ConnectedUser user) {
    return new SyncroUser(user.syncroUserId(), user.syncroUserName());
  }

  static void update(MethodsClient client, String viewId, @Nullable String hash, View view) {
    try {
      ViewsUpdateResponse r = client.viewsUpdate(u -> u.viewId(viewId).hash(hash).view(view));
      if (!r.isOk()) {
        log.warn("views.update of the create modal failed: {}", r.getError());
      }
    } catch (IOException | SlackApiException | RuntimeException e) {
      log.warn("views.update of the create modal failed: {}", SafeLog.describe(e));
    }
  }
}
