package com.syncrobot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import com.syncrobot.text.SecretSamples;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The production log pattern never prints a secret, in the message or in a stack trace (R11). */
final class LogRedactionTest {

  @Test
  void messageAndStackTrace_withSecrets_areRedacted() {
    String signingSecret = "8f14e45fceea167a5a36dedd4bea2543";
    LogRedaction.registerSecrets(signingSecret, null, "short");
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%redactedMsg%n%redactedEx");
    // The conversion words are registered by logback.xml; register them here for this encoder.
    context.putObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY, new java.util.HashMap<>(java.util.Map.of(
        "redactedMsg", LogRedaction.Message.class.getName(),
        "redactedEx", LogRedaction.Throwable.class.getName())));
    encoder.start();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(bytes);
    appender.start();
    Logger logger = context.getLogger("redaction-test");
    logger.setAdditive(false);
    logger.addAppender(appender);
    try {
      logger.warn("GET https://acme.syncromsp.com/api/v1/me?api_key=T1234567890abcdef-0123 with {}", signingSecret,
          new IOException("failed https://x/api?page=2&api_key=SECRETKEY1 token xoxb-1111-2222-abcdef"));
    } finally {
      logger.detachAppender(appender);
      appender.stop();
    }

    String logged = bytes.toString(StandardCharsets.UTF_8);
    assertThat(logged).contains("api_key=***").contains("IOException")
        .doesNotContain("T1234567890abcdef").doesNotContain("SECRETKEY1").doesNotContain("xoxb-1111")
        .doesNotContain(signingSecret);
  }

  @Test
  void everyShapeCommentsRefuse_isRedactedInLogs_R11() {
    SecretSamples.all().forEach((shape, sample) -> assertThat(LogRedaction.redact("failed: " + sample.text()))
        .as(shape.name()).contains("***").doesNotContain(sample.value()));
  }
}
