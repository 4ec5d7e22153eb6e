package com.syncrobot.playground.sandbox;

import java.util.Locale;

/**
 * What goes wrong with one write (POST/PUT/PATCH/DELETE). "After commit" faults apply the write and
 * then fail to answer properly; "before commit" faults fail without applying it (R2).
 */
public enum WriteFault {
  /** Applies the write, then closes the connection without a response. */
  DROP_AFTER_COMMIT("drop_after_commit", true),
  /** Closes the connection without a response and without applying the write. */
  DROP_BEFORE_COMMIT("drop_before_commit", false),
  /** Applies the write, then answers 500 with an HTML error page. */
  SERVER_ERROR_AFTER_COMMIT("500_after_commit", true),
  /** Answers 502 from "the proxy" without applying the write. */
  BAD_GATEWAY_BEFORE_COMMIT("502_before_commit", false),
  /** Applies the write, then answers 200 with a body that is not JSON. */
  NON_JSON_200("non_json_200", true),
  /** Answers 429 without applying the write; the next write goes through. */
  RATE_LIMITED("429", false),
  /** Refuses the write with 422 and Syncro's error body, without applying it: a definite refusal. */
  REFUSED_422("422", false),
  /** Lets the write through untouched: queued first, it aims the faults after it at later writes. */
  PASS("pass", true),
  /**
   * Holds the request for {@link SandboxFaults#commitDelay()} and only then applies it (a slow Syncro): the
   * client has given up by then, and the record lands after it stopped waiting.
   */
  SLOW_COMMIT("slow_commit", true),
  /**
   * A proxy in front of Syncro answers 504 at once while Syncro goes on working: the write is applied
   * {@link SandboxFaults#commitDelay()} later.
   */
  GATEWAY_TIMEOUT_THEN_COMMIT("504_then_commit", true);

  private final String wireName;
  private final boolean commits;

  WriteFault(String wireName, boolean commits) {
    this.wireName = wireName;
    this.commits = commits;
  }

  /** Returns the name used by the admin API ({@code POST /_sandbox/faults {"nextWrite": ...}}). */
  public String wireName() {
    return wireName;
  }

  /** Returns whether the write is applied (for the slow faults: in the end, after the client stopped waiting). */
  public boolean commits() {
    return commits;
  }

  /**
   * Returns the fault with this admin-API name (case-insensitive).
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static WriteFault fromWireName(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (WriteFault f : values()) {
      if (f.wireName.equals(n)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown write fault: " + name);
  }
}
