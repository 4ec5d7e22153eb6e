package com.syncrobot.slack;

import com.syncrobot.slack.blocks.Replies;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.slack.blocks.SearchText;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Syncro read for the asker with the asker's own token (R11): no token means a short
 * "connect first" reply and no Syncro request; otherwise ack now, read off-thread, reply through
 * response_url. Thread-safe.
 */
public record ReadRunner(ConnectedUserStore users, SyncroClient syncro, WorkQueue work) {
  private static final Logger log = LoggerFactory.getLogger(ReadRunner.class);

  /** A read against Syncro that turns its result into a reply. */
  public interface Query {
    public Reply run(SyncroApi api);
  }

  /** A search against Syncro for the technician's words that turns its result into a reply. */
  public interface Search {
    public Reply run(SyncroApi api, String text);
  }

  /**
   * Acks {@code ctx} and runs {@code query} in the background; {@code notFound} is the reply when
   * Syncro answers 404.
   */
  public Response run(String what, Invocation call, SlashCommandContext ctx, String notFound, Query query) {
    Asker asker = Asker.find(users, call.userId());
    if (asker.refusal() != null) {
      return Replies.ack(ctx, asker.refusal());
    }
    SyncroApi api = syncro.as(asker.user().token());
    Optional<Duration> wait = work.heldBack();
    Optional<String> refused = work.submitSyncro(what, wait.orElse(null),
        () -> Replies.respond(ctx, answer(what, call, api, notFound, query)));
    if (refused.isPresent()) {
      return Replies.ack(ctx, refused.get());
    }
    // Slack shows nothing until the answer comes; when the budget holds it back, say so at once.
    return wait.isPresent() ? Replies.ack(ctx, work.notice(wait.get(), QueuedNotice.Awaited.ANSWER)) : ctx.ack();
  }

  /**
   * Like {@link #run} for a search with the words after the subcommand; words too short or too long
   * for a search are refused with {@code usage} and read nothing.
   */
  public Response search(String what, String usage, Invocation call, SlashCommandContext ctx, String notFound,
      Search search) {
    Optional<String> problem = SearchText.problem(call.args(), usage);
    if (problem.isPresent()) {
      return Replies.ack(ctx, problem.get());
    }
    String text = call.args();
    return run(what, call, ctx, notFound, api -> search.run(api, text));
  }

  private static Reply answer(String what, Invocation call, SyncroApi api, String notFound, Query query) {
    try {
      return query.run(api);
    } catch (SyncroException e) {
      // Messages of the Syncro exceptions are built from redacted paths only.
      log.info("{} for {} failed: {}", what, call.userId(), SafeLog.describe(e));
      return Reply.of(UserMessages.forSyncro(e, notFound));
    } catch (RuntimeException e) {
      log.error("{} for {} failed: {}", what, call.userId(), SafeLog.describe(e));
      return Reply.of(UserMessages.INTERNAL);
    }
  }
}
