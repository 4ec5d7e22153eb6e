package com.syncrobot.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncrobot.syncro.SyncroWrite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * Carries the steps of an ended plan that did not happen into a new plan, which its owner previews
 * and confirms like any other (R1). The ids of the steps that did happen are filled in, so the
 * comment and appointment of a ticket that was created go to that ticket, and the ticket itself is
 * never sent again (R2). Read steps are carried too, with their references carried the same way, so a
 * billing's invoice check reads the invoice the follow-up makes (R9). Stateless.
 */
public final class FollowUp {
  private FollowUp() {}

  /** Returns why {@code plan} cannot be finished by a follow-up, or empty when it can. */
  public static Optional<String> refusal(Plan plan) {
    if (plan.state() != PlanState.FAILED && plan.state() != PlanState.CANCELLED) {
      return Optional.of("it has not ended (it is " + plan.state().name().toLowerCase(Locale.ROOT)
          + "); use the buttons on its message");
    }
    if (plan.steps().stream().noneMatch(s -> s.state() == StepState.DONE)) {
      return Optional.of("none of its steps happened; run the command again instead");
    }
    for (Step s : plan.steps()) {
      if (s.state() == StepState.UNKNOWN || s.state() == StepState.SENDING) {
        return Optional.of(PlanNotes.name(s) + " may have happened; look in Syncro first");
      }
    }
    if (remainingSteps(plan).isEmpty()) {
      return Optional.of("every step is done");
    }
    for (Step s : plan.steps()) {
      if (s.isRead() && s.state() == StepState.FAILED) {
        // a check found Syncro different from the plan: sending the rest now would build on that
        return Optional.of("its check “" + s.label() + "” found Syncro different from the plan; look in Syncro first");
      }
    }
    return Optional.empty();
  }

  /** Returns the steps that did not happen (refused, not sent, or proven absent), in order. */
  public static List<Step> remainingSteps(Plan plan) {
    return plan.steps().stream()
        .filter(s -> s.state() == StepState.FAILED || s.state() == StepState.PENDING || s.state() == StepState.ABSENT)
        .toList();
  }

  /**
   * Appends the steps that did not happen to {@code b}, with the ids of done steps filled in and
   * references to carried steps renumbered.
   *
   * @throws IllegalStateException if {@link #refusal(Plan)} is not empty
   */
  public static Plan.Builder remaining(Plan plan, Plan.Builder b) {
    Optional<String> refusal = refusal(plan);
    if (refusal.isPresent()) {
      throw new IllegalStateException("plan " + plan.id() + " cannot be finished: " + refusal.get());
    }
    List<Step> carried = remainingSteps(plan);
    Map<Integer, Integer> renumbered = new HashMap<>();
    for (int i = 0; i < carried.size(); i++) {
      renumbered.put(carried.get(i).index(), i);
    }
    IntFunction<Optional<Long>> ids = n -> {
      Step s = n >= 0 && n < plan.steps().size() ? plan.step(n) : null;
      return s != null && s.state() == StepState.DONE ? Optional.ofNullable(s.resultId()) : Optional.empty();
    };
    IntUnaryOperator renumber = n -> {
      Integer to = renumbered.get(n);
      if (to == null) {
        throw new IllegalStateException("step " + (n + 1) + " of plan " + plan.id() + " is done without an id");
      }
      return to;
    };
    for (Step s : carried) {
      if (s.isRead()) {
        // a read is carried with its own check: e.g. the invoice total is read from the new invoice
        String assertion = PlanJson.writeAssertion(Objects.requireNonNull(s.assertion(), "assertion"));
        b.read(s.label(), PlanJson.readAssertion(Placeholders.carryOver(assertion, ids, renumber)));
        continue;
      }
      SyncroWrite write = Placeholders.carryOver(Objects.requireNonNull(s.request(), "request"), ids, renumber);
      b.step(s.label(), write, carryCheck(s.check(), ids, renumber));
    }
    return b;
  }

  private static Check carryCheck(Check check, IntFunction<Optional<Long>> ids, IntUnaryOperator renumber) {
    if (!(check instanceof Check.WithStepIds w)) {
      return check;
    }
    JsonNode carried = Placeholders.carryOver(w.template(), ids, renumber);
    return Placeholders.referencedSteps(carried).isEmpty()
        ? PlanJson.readCheck(carried)
        : new Check.WithStepIds(carried);
  }

  /** Returns the labels of the steps a follow-up would carry, for messages. */
  public static List<String> remainingLabels(Plan plan) {
    List<String> labels = new ArrayList<>();
    remainingSteps(plan).forEach(s -> labels.add(s.label()));
    return labels;
  }
}
