package com.syncrobot.write;

import com.syncrobot.syncro.SyncroWrite;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One Syncro write of a plan, with what it takes to verify it and what happened to it.
 *
 * @param request the write as planned; its path and body may hold {@code {{step:N}}} placeholders
 * @param sent the exact request sent for the current attempt (placeholders resolved), once sent
 * @param resultBody what Syncro answered, capped at 16 KB
 * @param error Syncro's own message on a refusal, or why the outcome is unknown
 * @param verification how an unknown outcome was decided (found, absent, undecided)
 */
public record Step(
    String planId,
    int index,
    String label,
    SyncroWrite request,
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
    @Nullable String verification) {

  static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

  public Step {
    Objects.requireNonNull(planId, "planId == null");
    Objects.requireNonNull(label, "label == null");
    Objects.requireNonNull(request, "request == null");
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
    if (!METHODS.contains(request.method())) {
      throw new IllegalArgumentException("not a write method: " + request.method());
    }
    for (int ref : Placeholders.referencedSteps(request)) {
      if (ref >= index) {
        throw new IllegalArgumentException(
            "step " + index + " uses {{step:" + ref + "}}, which is not an earlier step");
      }
    }
  }

  /** Returns a new, unsent step. */
  static Step pending(String planId, int index, String label, SyncroWrite request, Check check) {
    return new Step(planId, index, label, request, check, StepState.PENDING, 1,
        null, null, null, null, null, null, null, null);
  }
}
