package com.syncrobot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

final class ClickAckTest {
  private static final String SECRET = "click-ack-test-secret";
  private static final long NOW = 1_700_000_000L;
  private static final String CLICK_JSON = "{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},"
      + "\"actions\":[{\"action_id\":\"plan_confirm\",\"type\":\"button\",\"action_ts\":\"1.2\"}]}";

  private final AtomicBoolean stopping = new AtomicBoolean();
  private final ClickAck clicks = new ClickAck(SECRET, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC),
      stopping::get);

  private static String form(String json) {
    return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
  }

  private static String sign(String body) throws Exception {
    return SlackSignatureCheckTest.slackSignature(SECRET, NOW, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void isClick_blockActionsOnly_whereverTheTopLevelTypeStands() {
    assertThat(ClickAck.isClick(form(CLICK_JSON))).isTrue();
    // Nested "type" fields come first in this one; only the payload's own type counts.
    assertThat(ClickAck.isClick(form("{\"user\":{\"type\":\"x\"},\"actions\":[{\"type\":\"button\"}],"
        + "\"type\":\"block_actions\"}"))).isTrue();
    assertThat(ClickAck.isClick(form("{\"type\":\"view_submission\",\"view\":{\"type\":\"modal\"}}"))).isFalse();
    assertThat(ClickAck.isClick(form("{\"view\":{\"type\":\"block_actions\"},\"type\":\"view_submission\"}")))
        .isFalse();
    assertThat(ClickAck.isClick(form("{\"text\":\"\\\"type\\\":\\\"block_actions\\\"\"}"))).isFalse();
  }

  @Test
  void isClick_notAClickForm_false() {
    assertThat(ClickAck.isClick("command=%2Fsyncro&text=bill+32203")).isFalse();
    assertThat(ClickAck.isClick(form(CLICK_JSON) + "&other=1")).isFalse();
    assertThat(ClickAck.isClick(CLICK_JSON)).isFalse();
    assertThat(ClickAck.isClick("payload=%7B%22type%22%3A")).isFalse();
    assertThat(ClickAck.isClick("payload=%ZZ")).isFalse();
    assertThat(ClickAck.isClick("payload=[1,2]")).isFalse();
  }

  @Test
  void answerAtOnce_signedClickWhileTakingWork_only() throws Exception {
    String body = form(CLICK_JSON);
    String ts = Long.toString(NOW);
    assertThat(clicks.answerAtOnce(body, ts, sign(body))).isTrue();
    assertThat(clicks.answerAtOnce(body, ts, "v0=00")).isFalse();
    assertThat(clicks.answerAtOnce(body, null, null)).isFalse();
    String submission = form("{\"type\":\"view_submission\"}");
    assertThat(clicks.answerAtOnce(submission, ts, sign(submission))).isFalse();
    stopping.set(true);
    assertThat(clicks.answerAtOnce(body, ts, sign(body))).isFalse();
  }

  @Test
  void noSigningSecret_noClickIsAnsweredAtOnce() throws Exception {
    ClickAck socketMode = new ClickAck(null, Clock.systemUTC(), () -> false);
    String body = form(CLICK_JSON);
    assertThat(socketMode.answerAtOnce(body, Long.toString(NOW), sign(body))).isFalse();
  }

  @Test
  void restarting_letsAClickAnsweredBeforeTheStopBeHandled_andRefusesAnother() throws Exception {
    Restarting restarting = new Restarting();
    restarting.stop();
    MiddlewareChain handler = req -> Response.ok("handled");
    BlockActionRequest answered = request();
    ClickAck.markAnswered(answered);
    assertThat(restarting.apply(answered, Response.builder().build(), handler).getBody()).isEqualTo("handled");
    assertThat(restarting.apply(request(), Response.builder().build(), handler).getStatusCode()).isEqualTo(503);
  }

  private static BlockActionRequest request() {
    return new BlockActionRequest(form(CLICK_JSON), CLICK_JSON, new RequestHeaders(Map.of()));
  }
}
