package com.syncrobot.write;

/**
 * Hears about every state change of a plan, with the fresh plan; the Slack side implements it to
 * update the preview in place. The engine never talks to Slack itself.
 */
@FunctionalInterface
public interface PlanListener {
  /** Called after each committed change; must not block for long. Exceptions are logged and ignored. */
  void planChanged(Plan plan);

  /** Returns a listener that ignores every change. */
  static PlanListener none() {
    return plan -> {};
  }
}
