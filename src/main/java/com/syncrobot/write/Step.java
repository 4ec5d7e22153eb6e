package com.syncrobot.write;

import com.syncrobot.syncro.SyncroWrite;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One step of a plan: a Syncro write, with what it takes to verify it, or a read that asserts what
 * Syncro holds after the writes before it; plus what happened to it. A read never writes, so it is
 * simply read again when its outcome is unknown; only writes are never sent twice (R2).
 *
 * @param request the write as planned, its path and body may hold {@code {{step:N}}}; null for a read
 * @param check how to verify the write's unknown outcome; {@link #READ_CHECK} for a read
 * @param sent the exact write sent for the current attempt (placeholders resolved); null for a read
 * @param resultBody what Syncro answered (a read keeps a short JSON summary), capped at 16 KB
 * @param error Syncro's own message on a refusal, why the outcome is unknown, or why an assertion failed
 * @param verification how an unknown outcome was decided, or what a read found
 * @param assertion what a read step asserts; null for a write
 */
public record Step(
    String planId,
    int index,
    String label,
    @Nullable SyncroWrite request,
    Check check,
    StepState state,
    int attempt,
    @Nullable Instant sentAt,
    @Nullable Instant finishedAt,
    @Nullable SyncroWrite sent,
    @Nullable Long resultId,
    @Nullable Integer resultStatus,
    @Nullable String resultBody,
    @Nullable String error,
    @Nullable String verification,
    @Nullable Assertion assertion) {

  static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

  /** The check of every read step: a read is repeated, never verified. */
  public static final Check READ_CHECK = new Check.None("a read is simply repeated; it writes nothing");

  public Step {
    Objects.requireNonNull(planId, "planId == null");
    Objects.requireNonNull(label, "label == null");
    Objects.requireNonNull(check, "check == null");
    Objects.requireNonNull(state, "state == null");
    if (index < 0) {
      throw new IllegalArgumentException("negative step index: " + index);
    }
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1: " + attempt);
    }
    if (label.isBlank()) {
      throw new IllegalArgumentException("blank label for step " + index);
    }
    if ((request == null) == (assertion == null)) {
      throw new IllegalArgumentException("step " + index + " must be either a write or a read, not "
          + (request == null ? "neither" : "both"));
    }
    if (request != null && !METHODS.contains(request.method())) {
      throw new IllegalArgumentException("not a write method: " + request.method());
    }
    if (assertion != null && (state == StepState.UNKNOWN || state == StepState.ABSENT)) {
      throw new IllegalArgumentException("a read step is never " + state);
    }
    for (int ref : references(request, assertion)) {
      if (ref >= index) {
        throw new IllegalArgumentException(
            "step " + index + " uses {{step:" + ref + "}}, which is not an earlier step");
      }
    }
    if (check instanceof Check.WithStepIds w) {
      for (int ref : Placeholders.referencedSteps(w.template())) {
        if (ref >= index) {
          throw new IllegalArgumentException(
              "step " + index + "'s check uses {{step:" + ref + "}}, which is not an earlier step");
        }
      }
    }
  }

  /** Returns whether this step reads and asserts instead of writing. */
  public boolean isRead() {
    return assertion != null;
  }

  /** Returns the HTTP method: the write's, or GET for a read. */
  public String method() {
    return request != null ? request.method() : "GET";
  }

  /** Returns the planned path, placeholders unresolved. */
  public String path() {
    return request != null ? request.path() : Objects.requireNonNull(assertion, "assertion").path();
  }

  private static Set<Integer> references(@Nullable SyncroWrite request, @Nullable Assertion assertion) {
    if (request != null) {
      return Placeholders.referencedSteps(request);
    }
    return Placeholders.referencedSteps(Objects.requireNonNull(assertion, "assertion").path());
  }

  /**
   * This write step as {@link PlanStore#markSending} stores it: SENDING since {@code at} (the store keeps
   * milliseconds) with {@code sent}, its body as the store gives it back, and no result yet.
   */
  Step sending(Instant at, SyncroWrite sent) {
    SyncroWrite planned = Objects.requireNonNull(request, "a read is never sent");
    SyncroWrite stored = new SyncroWrite(planned.method(), sent.path(),
        PlanJson.readNode(PlanJson.writeNode(sent.body())),
        planned.idPointer());
    return new Step(planId, index, label, request, check, StepState.SENDING, attempt, millis(at), null, stored, null,
        null, null, null, null, assertion);
  }

  /** This step as its recorded answer stores it: DONE; a status or body not given keeps the one it had. */
  Step done(Instant at, @Nullable Long resultId, @Nullable Integer status, @Nullable String body,
      @Nullable String verification) {
    String capped = PlanJson.cap(body);
    return new Step(planId, index, label, request, check, StepState.DONE, attempt, sentAt, millis(at), sent, resultId,
        status == null ? resultStatus : status, capped == null ? resultBody : capped, error, verification,
        assertion);
  }

  /** This read step, read at {@code readAt}, as its recorded result stores it: DONE, with what it read. */
  Step read(Instant readAt, Instant at, @Nullable Long resultId, int status, @Nullable String body,
      String verification) {
    return new Step(planId, index, label, request, check, StepState.DONE, attempt, millis(readAt), millis(at), null,
        resultId, status, PlanJson.cap(body), null, verification, assertion);
  }

  private static Instant millis(Instant t) {
    return Instant.ofEpochMilli(t.toEpochMilli());
  }

  /** Returns a new, unsent write step. */
  static Step pending(String planId, int index, String label, SyncroWrite request, Check check) {
    return new Step(planId, index, label, request, check, StepState.PENDING, 1,
        null, null, null, null, null, null, null, null, null);
  }

  /** Returns a new, unread read step. */
  static Step pendingRead(String planId, int index, String label, Assertion assertion) {
    return new Step(planId, index, label, null, READ_CHECK, StepState.PENDING, 1,
        null, null, null, null, null, null, null, null, assertion);
  }
}
