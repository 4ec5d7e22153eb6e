package com.syncrobot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

final class SlackSignatureCheckTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final long NOW = 1_700_000_000L;
  private final SlackSignatureCheck check = new SlackSignatureCheck(SECRET,
      Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

  /** Slack's scheme computed independently: HMAC-SHA256 over the UTF-8 bytes of v0:ts:body. */
  static String slackSignature(String secret, long ts, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update(("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8));
    return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  @Test
  void isValid_signedNow_accepts() throws Exception {
    String body = "command=%2Fsyncro&text=help";
    assertThat(check.isValid(Long.toString(NOW), slackSignature(SECRET, NOW, body.getBytes(StandardCharsets.UTF_8)),
        body)).isTrue();
  }

  @Test
  void isValid_nonAsciiBody_usesUtf8NotThePlatformCharset() throws Exception {
    String body = "{\"event\":{\"type\":\"message\",\"text\":\"Grüße 👋\"}}";
    String utf8 = slackSignature(SECRET, NOW, body.getBytes(StandardCharsets.UTF_8));
    String latin1 = slackSignature(SECRET, NOW, body.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(check.isValid(Long.toString(NOW), utf8, body)).isTrue();
    assertThat(check.isValid(Long.toString(NOW), latin1, body)).isFalse();
  }

  @Test
  void isValid_olderThanFiveMinutes_rejects() throws Exception {
    long ts = NOW - 301;
    String body = "a=b";
    assertThat(check.isValid(Long.toString(ts), slackSignature(SECRET, ts, body.getBytes(StandardCharsets.UTF_8)),
        body)).isFalse();
    long edge = NOW - 300;
    assertThat(check.isValid(Long.toString(edge), slackSignature(SECRET, edge, body.getBytes(StandardCharsets.UTF_8)),
        body)).isTrue();
  }

  @Test
  void isValid_moreThanFiveMinutesInTheFuture_rejects() throws Exception {
    // Bolt's own check is one-sided; a far-future timestamp would let a captured request be replayed later.
    long ts = NOW + 301;
    String body = "a=b";
    assertThat(check.isValid(Long.toString(ts), slackSignature(SECRET, ts, body.getBytes(StandardCharsets.UTF_8)),
        body)).isFalse();
  }

  @Test
  void isValid_wrongSecretTamperedBodyOrMissingParts_rejects() throws Exception {
    String body = "a=b";
    String good = slackSignature(SECRET, NOW, body.getBytes(StandardCharsets.UTF_8));
    assertThat(check.isValid(Long.toString(NOW), slackSignature("other", NOW, body.getBytes(StandardCharsets.UTF_8)),
        body)).isFalse();
    assertThat(check.isValid(Long.toString(NOW), good, "a=c")).isFalse();
    assertThat(check.isValid(null, good, body)).isFalse();
    assertThat(check.isValid(Long.toString(NOW), null, body)).isFalse();
    assertThat(check.isValid("12x", good, body)).isFalse();
  }

  @Test
  void isValid_withoutSigningSecret_failsClosed() throws Exception {
    SlackSignatureCheck none = new SlackSignatureCheck(null, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    String body = "a=b";
    assertThat(none.isValid(Long.toString(NOW), slackSignature(SECRET, NOW, body.getBytes(StandardCharsets.UTF_8)),
        body)).isFalse();
  }

  @Test
  void constructor_blankSecret_isRefused() {
    assertThatThrownBy(() -> new SlackSignatureCheck("  ", Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
