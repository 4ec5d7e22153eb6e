package com.syncrobot.app;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.syncrobot.syncro.Redactor;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Logback converters that pass every message and stack trace through {@link Redactor} and mask
 * the exact secret values registered at start (Slack tokens, signing secret, encryption key).
 */
public final class LogRedaction {
  private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();

  private LogRedaction() {}

  /** Adds values that must never appear in a log line; short values are ignored. */
  public static void registerSecrets(@Nullable String... values) {
    for (String v : values) {
      if (v != null && v.length() >= 8) {
        SECRETS.add(v);
      }
    }
  }

  static String redact(String text) {
    String out = Redactor.redact(text);
    for (String secret : SECRETS) {
      out = out.replace(secret, "***");
    }
    return out;
  }

  /** `%redactedMsg`: the formatted message, redacted. */
  public static final class Message extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
      return redact(event.getFormattedMessage());
    }
  }

  /** `%redactedEx`: the stack trace, redacted. */
  public static final class Throwable extends ExtendedThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
      return redact(super.convert(event));
    }
  }
}
