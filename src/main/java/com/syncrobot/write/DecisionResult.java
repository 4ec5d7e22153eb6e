package com.syncrobot.write;

/** What the owner's decision on a plan that needs one ("Send it again", "It is there") achieved. */
public enum DecisionResult {
  /** Applied; the plan runs on. */
  ACCEPTED,
  NOT_OWNER,
  /** The plan or step is not waiting for that decision (e.g. a second click already applied it). */
  NOT_APPLICABLE,
  NOT_FOUND
}
