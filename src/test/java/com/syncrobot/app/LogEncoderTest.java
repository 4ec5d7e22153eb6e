package com.syncrobot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** `SYNCRO_BOT_LOG_FORMAT=json`: one JSON object per line, with the plan, ticket and Slack user, and no secret. */
final class LogEncoderTest {
  private static final String SIGNING_SECRET = "0cc175b9c0f1b6a831c399e269772661";

  private static List<String> log(String format, Runnable logging) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.putObject(CoreConstants.PATTERN_RULE_REGISTRY, new HashMap<>(Map.of(
        "redactedMsg", LogRedaction.Message.class.getName(), "redactedEx", LogRedaction.Throwable.class.getName())));
    LogEncoder encoder = new LogEncoder();
    encoder.setContext(context);
    encoder.setPattern("%-5level %logger{24} - %redactedMsg%n%redactedEx");
    encoder.setFormat(format);
    encoder.start();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(bytes);
    appender.start();
    Logger logger = context.getLogger(LogEncoderTest.class);
    Level level = logger.getLevel();
    // Whatever level the test configuration gives the root, this logger's INFO lines must reach the encoder.
    logger.setLevel(Level.INFO);
    logger.setAdditive(false);
    logger.addAppender(appender);
    try {
      logging.run();
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(level);
      appender.stop();
    }
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static void logALostWrite() {
    LogRedaction.registerSecrets(SIGNING_SECRET);
    org.slf4j.Logger log = LoggerFactory.getLogger(LogEncoderTest.class);
    MDC.put("plan", "p-7f3a");
    MDC.put("ticket", "32203");
    MDC.put("slack_user", "U04ABCDEF");
    try {
      log.info("Step 2 of plan p-7f3a sent");
      log.warn("POST https://acme.syncromsp.com/api/v1/tickets/9/comment?api_key=T1234567890abcdef-0123 with \"{}\""
          + " failed", SIGNING_SECRET, new IOException("reset after api_key=SECRETKEY1 and xoxb-1111-2222-abcdef"));
    } finally {
      MDC.clear();
    }
    log.info("no context here");
  }

  @Test
  void json_isOneObjectPerLine_withTheContext_andNoSecret() throws Exception {
    List<String> lines = log("json", LogEncoderTest::logALostWrite);

    assertThat(lines).hasSize(3);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode sent = mapper.readTree(lines.get(0));
    assertThat(sent.get("level").asText()).isEqualTo("INFO");
    assertThat(sent.get("message").asText()).isEqualTo("Step 2 of plan p-7f3a sent");
    assertThat(sent.get("plan").asText()).isEqualTo("p-7f3a");
    assertThat(sent.get("ticket").asText()).isEqualTo("32203");
    assertThat(sent.get("slack_user").asText()).isEqualTo("U04ABCDEF");
    assertThat(sent.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*");
    assertThat(sent.get("logger").asText()).isEqualTo(LogEncoderTest.class.getName());
    assertThat(sent.has("error")).isFalse();

    JsonNode failed = mapper.readTree(lines.get(1));
    assertThat(failed.get("level").asText()).isEqualTo("WARN");
    assertThat(failed.get("message").asText()).contains("api_key=***", "\"***\"");
    assertThat(failed.get("error").asText()).contains("IOException", "api_key=***");
    assertThat(mapper.readTree(lines.get(2)).has("plan")).isFalse();
    assertThat(String.join("\n", lines)).doesNotContain("T1234567890abcdef").doesNotContain("SECRETKEY1")
        .doesNotContain("xoxb-1111").doesNotContain(SIGNING_SECRET);
  }

  @Test
  void text_staysThePattern() {
    List<String> lines = log("text", LogEncoderTest::logALostWrite);
    assertThat(lines.get(0)).startsWith("INFO ").contains("Step 2 of plan p-7f3a sent").doesNotContain("{");
    assertThat(String.join("\n", lines)).contains("api_key=***").doesNotContain(SIGNING_SECRET);
  }

  @Test
  void anUnknownFormat_stopsTheBotSayingWhatItTakes() {
    assertThatThrownBy(() -> BotConfig.fromEnv(Map.of(LogEncoder.VARIABLE, "xml")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("SYNCRO_BOT_LOG_FORMAT must be text or json, got 'xml'");
    assertThat(LogEncoder.known("JSON")).isTrue();
    assertThat(LogEncoder.known(null)).isTrue();
  }
}
