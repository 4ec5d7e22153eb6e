package com.syncrobot.app;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The log line encoder of {@code logback.xml}: the pattern as text, or with {@value #VARIABLE}{@code =json} one JSON
 * object per line (time, level, logger, thread, message, error, and the {@link #CONTEXT} keys of the MDC), redacted
 * by {@link LogRedaction} exactly as the text lines are.
 */
public final class LogEncoder extends PatternLayoutEncoder {
  /** The environment variable that chooses the format: {@code text} (the default) or {@code json}. */
  public static final String VARIABLE = "SYNCRO_BOT_LOG_FORMAT";

  /** The MDC keys a JSON line carries, when set: which plan, which ticket, which Slack user. */
  public static final List<String> CONTEXT = List.of("plan", "ticket", "slack_user");

  private static final JsonFactory JSON = new JsonFactory();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.systemDefault());

  private boolean json;

  /** Returns whether {@code value} of {@value #VARIABLE} is one the bot knows; unset counts as text. */
  public static boolean known(@Nullable String value) {
    return value == null || value.isBlank() || format(value) != null;
  }

  private static @Nullable Boolean format(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "json" -> Boolean.TRUE;
      case "text", "" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** Sets the format by its name; unknown names keep text (the bot refuses to start on them, saying why). */
  public void setFormat(@Nullable String value) {
    Boolean f = value == null ? null : format(value);
    json = f != null && f;
  }

  @Override
  public void start() {
    if (!json) {
      setFormat(System.getenv(VARIABLE));
    }
    super.start();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return json ? json(event) : super.encode(event);
  }

  private static byte[] json(ILoggingEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("time", TIME.format(Instant.ofEpochMilli(event.getTimeStamp())));
      g.writeStringField("level", event.getLevel().toString());
      g.writeStringField("logger", event.getLoggerName());
      g.writeStringField("thread", event.getThreadName());
      g.writeStringField("message", LogRedaction.redact(event.getFormattedMessage()));
      IThrowableProxy thrown = event.getThrowableProxy();
      if (thrown != null) {
        g.writeStringField("error", LogRedaction.redact(ThrowableProxyUtil.asString(thrown)));
      }
      Map<String, String> mdc = event.getMDCPropertyMap();
      for (String key : CONTEXT) {
        String value = mdc == null ? null : mdc.get(key);
        if (value != null) {
          g.writeStringField(key, LogRedaction.redact(value));
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }
}
