package com.syncrobot.write;

/**
 * Where a plan is in its life: PREVIEWED → EXECUTING → DONE | FAILED | NEEDS_RECOVERY | NEEDS_DECISION
 * | WAITING, or PREVIEWED → CANCELLED | EXPIRED. NEEDS_DECISION may also end CANCELLED when the owner
 * gives up.
 */
public enum PlanState {
  /** Shown to the technician; nothing sent; waits for Confirm or Cancel. */
  PREVIEWED,
  /** Confirmed; the engine is sending or verifying steps. */
  EXECUTING,
  /** Paused until a scheduled re-check: rate limited, or Syncro unreachable while verifying. */
  WAITING,
  /** A step was proven absent (or cannot be verified): only the owner may move it on. */
  NEEDS_DECISION,
  /** Every step is done. */
  DONE,
  /** Syncro refused a step definitely, or a read step found a wrong result; later steps were not sent. */
  FAILED,
  /**
   * A read step found a wrong result that a follow-up plan can repair (R10: a $0.00 invoice of lines
   * sent without a price); later steps were not sent. The repair is a plan of its own, previewed first.
   */
  NEEDS_RECOVERY,
  /** The owner cancelled it. */
  CANCELLED,
  /** The preview was not confirmed in time. */
  EXPIRED;

  /** Returns whether no further transition can happen. */
  public boolean isFinal() {
    return this == DONE || this == FAILED || this == NEEDS_RECOVERY || this == CANCELLED || this == EXPIRED;
  }
}
