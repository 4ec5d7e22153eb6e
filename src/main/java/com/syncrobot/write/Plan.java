package com.syncrobot.write;

import com.syncrobot.syncro.SyncroWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An ordered list of Syncro writes that one technician previews, confirms and owns (R1). Only
 * {@code slackUserId} may confirm it; the writes go out with the token of {@code syncroUserId}.
 *
 * @param ticket the ticket it writes to, for display and audit; null for plans not tied to one yet
 * @param title one line, e.g. "Internal note on #32203"
 * @param responseUrl the latest Slack response_url that can update the preview
 * @param previewJson free for the Slack side to keep its render data
 * @param note the latest human-readable explanation (why it failed, waits or needs a decision)
 */
public record Plan(
    String id,
    String kind,
    String slackUserId,
    long syncroUserId,
    String syncroUserName,
    String channelId,
    @Nullable TicketRef ticket,
    String title,
    PlanState state,
    Instant createdAt,
    Instant expiresAt,
    @Nullable Instant confirmedAt,
    @Nullable Instant finishedAt,
    @Nullable String responseUrl,
    @Nullable String previewJson,
    @Nullable String note,
    List<Step> steps) {

  public Plan {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(slackUserId, "slackUserId == null");
    Objects.requireNonNull(syncroUserName, "syncroUserName == null");
    Objects.requireNonNull(channelId, "channelId == null");
    Objects.requireNonNull(title, "title == null");
    Objects.requireNonNull(state, "state == null");
    Objects.requireNonNull(createdAt, "createdAt == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("plan " + id + " has no steps");
    }
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      if (s.index() != i || !s.planId().equals(id)) {
        throw new IllegalArgumentException(
            "plan " + id + " step " + i + " is numbered " + s.index() + " of plan " + s.planId());
      }
    }
  }

  /** Returns a builder for a new plan in state PREVIEWED. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns whether {@code slackUserId} is the technician who asked for this plan. */
  public boolean isOwnedBy(String slackUserId) {
    return this.slackUserId.equals(slackUserId);
  }

  /** Returns the first step without a known good result, if any. */
  public Optional<Step> firstUnfinishedStep() {
    return steps.stream().filter(s -> s.state() != StepState.DONE).findFirst();
  }

  /** Returns the step at {@code index}. */
  public Step step(int index) {
    return steps.get(index);
  }

  /** Returns this plan with {@code step} in place of the step of its index: what the runner knows it stored. */
  Plan withStep(Step step) {
    List<Step> changed = new ArrayList<>(steps);
    changed.set(step.index(), step);
    return new Plan(id, kind, slackUserId, syncroUserId, syncroUserName, channelId, ticket, title, state, createdAt,
        expiresAt, confirmedAt, finishedAt, responseUrl, previewJson, note, changed);
  }

  /** Collects the pieces of a new plan; {@link #build(Instant, Duration)} validates them. */
  public static final class Builder {
    private @Nullable String kind;
    private @Nullable String slackUserId;
    private long syncroUserId;
    private @Nullable String syncroUserName;
    private @Nullable String channelId;
    private @Nullable TicketRef ticket;
    private @Nullable String title;
    private @Nullable String previewJson;
    private @Nullable String responseUrl;
    private @Nullable String id;
    private final List<StepDraft> steps = new ArrayList<>();

    private record StepDraft(String label, @Nullable SyncroWrite write, @Nullable Check check,
        @Nullable Assertion assertion) {}

    Builder() {}

    /** Sets the kind, e.g. "comment", "update", "close", "bill". */
    public Builder kind(String kind) {
      this.kind = requireText(kind, "kind");
      return this;
    }

    /** Sets who asked (the only one who may confirm) and whose Syncro token will be used (R11). */
    public Builder owner(String slackUserId, long syncroUserId, String syncroUserName) {
      this.slackUserId = requireText(slackUserId, "slackUserId");
      if (syncroUserId <= 0) {
        throw new IllegalArgumentException("syncroUserId must be positive: " + syncroUserId);
      }
      this.syncroUserId = syncroUserId;
      this.syncroUserName = requireText(syncroUserName, "syncroUserName");
      return this;
    }

    public Builder channel(String channelId) {
      this.channelId = requireText(channelId, "channelId");
      return this;
    }

    public Builder ticket(@Nullable TicketRef ticket) {
      this.ticket = ticket;
      return this;
    }

    public Builder title(String title) {
      this.title = requireText(title, "title");
      return this;
    }

    public Builder previewJson(@Nullable String previewJson) {
      this.previewJson = previewJson;
      return this;
    }

    public Builder responseUrl(@Nullable String responseUrl) {
      this.responseUrl = responseUrl;
      return this;
    }

    /** Appends a step; its path/body may use {@code {{step:N}}} for the id of an earlier step N. */
    public Builder step(String label, SyncroWrite write, Check check) {
      steps.add(new StepDraft(
          requireText(label, "label"),
          Objects.requireNonNull(write, "write == null"),
          Objects.requireNonNull(check, "check == null"),
          null));
      return this;
    }

    /**
     * Appends a read step that asserts what Syncro holds (R9); it never writes. Its path may use
     * {@code {{step:N}}}. A read that does not hold stops the plan before the steps after it.
     */
    public Builder read(String label, Assertion assertion) {
      steps.add(new StepDraft(requireText(label, "label"), null, null,
          Objects.requireNonNull(assertion, "assertion == null")));
      return this;
    }

    /**
     * Sets the plan's id instead of a random one, so that a plan derived from another (a repair
     * offered for it) exists at most once: storing a second with the same id fails.
     */
    public Builder id(String id) {
      String t = requireText(id, "id");
      if (t.length() > 80 || !t.matches("[A-Za-z0-9._-]+")) {
        throw new IllegalArgumentException("plan id must be up to 80 letters, digits, '.', '_' or '-'");
      }
      this.id = t;
      return this;
    }

    /**
     * Returns the plan, PREVIEWED at {@code now} and expiring {@code ttl} later, with the id set by
     * {@link #id(String)} or else a fresh one.
     *
     * @throws IllegalStateException if kind, owner, channel, title or steps are missing
     * @throws IllegalArgumentException if ttl is not positive or a placeholder names a later step
     */
    public Plan build(Instant now, Duration ttl) {
      Objects.requireNonNull(now, "now == null");
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("ttl must be positive: " + ttl);
      }
      String planId = id != null ? id : UUID.randomUUID().toString();
      List<Step> built = new ArrayList<>();
      for (StepDraft d : steps) {
        built.add(d.assertion() != null
            ? Step.pendingRead(planId, built.size(), d.label(), d.assertion())
            : Step.pending(planId, built.size(), d.label(), Objects.requireNonNull(d.write(), "write"),
                Objects.requireNonNull(d.check(), "check")));
      }
      if (built.isEmpty()) {
        throw new IllegalStateException("a plan needs at least one step");
      }
      return new Plan(planId, required(kind, "kind"), required(slackUserId, "owner"), syncroUserId,
          required(syncroUserName, "owner"), required(channelId, "channel"), ticket,
          required(title, "title"), PlanState.PREVIEWED, now, now.plus(ttl), null, null, responseUrl,
          previewJson, null, built);
    }

    private static String requireText(String value, String name) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isBlank()) {
        throw new IllegalArgumentException("blank " + name);
      }
      return value;
    }

    private static <T> T required(@Nullable T value, String name) {
      if (value == null) {
        throw new IllegalStateException("plan " + name + " not set");
      }
      return value;
    }
  }
}
