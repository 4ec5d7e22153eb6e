package com.syncrobot.slack;

import com.syncrobot.syncro.Redactor;

/** Describes a failure for the log without the stack text that could carry a URL with a token. */
public final class SafeLog {
  private SafeLog() {}

  /**
   * Returns "Type: redacted message" for {@code e} and each cause, plus where the outermost one
   * was thrown; enough to find a bug, with every known secret shape masked (R11).
   */
  public static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder();
    Throwable t = e;
    for (int depth = 0; t != null && depth < 5; depth++, t = t.getCause()) {
      if (depth > 0) {
        sb.append(" <- ");
      }
      sb.append(t.getClass().getName());
      if (t.getMessage() != null) {
        sb.append(": ").append(Redactor.redact(t.getMessage()));
      }
    }
    StackTraceElement[] trace = e.getStackTrace();
    if (trace.length > 0) {
      sb.append(" at ").append(trace[0]);
    }
    return sb.toString();
  }
}
