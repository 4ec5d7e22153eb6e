package com.syncrobot.write;

/**
 * Where a step is: PENDING → SENDING → DONE | FAILED | UNKNOWN, then UNKNOWN → (verify) DONE |
 * ABSENT | UNKNOWN; ABSENT → PENDING only by the owner's explicit resend (R2).
 */
public enum StepState {
  /** Not sent (or sent before and proven absent, then resent by the owner). */
  PENDING,
  /** Recorded as about to be sent; if found so after a crash it may have been sent. */
  SENDING,
  /** Syncro has the record (its id is known when Syncro gave one). */
  DONE,
  /** Syncro refused it definitely: nothing was written. */
  FAILED,
  /** It may or may not have been written: verify by reading, never resend blindly. */
  UNKNOWN,
  /** Verified not written; may be sent again only when the owner says so. */
  ABSENT
}
