package com.syncrobot.app;

import static com.syncrobot.app.WriteFlowHarness.JANE;
import static com.syncrobot.app.WriteFlowHarness.actionTs;
import static com.syncrobot.app.WriteFlowHarness.newPath;
import static com.syncrobot.app.WriteFlowHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncrobot.playground.sandbox.WriteFault;
import com.syncrobot.playground.sandbox.model.SandboxComment;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.text.CommentHtml;
import com.syncrobot.write.PlanState;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Technician text that looks like HTML reaches the customer as the text that was typed and previewed
 * (issue 12, item 11): through the bot's HTTP surface to the Syncro sandbox, the comment Syncro holds
 * is escaped text with {@code <br>} line breaks, reads back as exactly the typed text, and still
 * verifies when Syncro commits it but the answer is lost.
 */
final class CustomerHtmlFlowTest {
  /** What a technician (or someone pasting from a phishing mail) might type. */
  static final String TYPED = "Call <a href=\"http://evil.example\">your bank</a> & <script>alert(1)</script>\nThanks";
  /** The same text as Syncro must hold it: nothing in it is a tag. */
  static final String SENT = "Call &lt;a href=&quot;http://evil.example&quot;&gt;your bank&lt;/a&gt; &amp; "
      + "&lt;script&gt;alert(1)&lt;/script&gt;<br>Thanks";
  /** The first line as the preview shows it in Slack (mrkdwn escapes & < >). */
  static final String PREVIEWED = "Call &lt;a href=\"http://evil.example\"&gt;your bank&lt;/a&gt; &amp; "
      + "&lt;script&gt;alert(1)&lt;/script&gt;";

  @RegisterExtension
  static final WriteFlowHarness bot = WriteFlowHarness.builder().sandbox().connectToSandbox(JANE, 1735, "Dana Tech")
      .build();

  private SandboxTicket openTicket() {
    return bot.sandbox().state().tickets().stream()
        .filter(t -> !List.of("Resolved", "Invoiced", "Closed").contains(t.status()))
        .findFirst().orElseThrow(() -> new AssertionError("no open seeded ticket"));
  }

  private WriteFlowHarness.Preview preview(String kind, SandboxTicket t, String audience) throws Exception {
    bot.slack.resetRequests();
    WriteFlowHarness.Sent c = bot.command(JANE, kind + " " + t.number());
    assertThat(c.ack().statusCode()).isEqualTo(200);
    JsonNode view = bot.lastOpenedView();
    HttpResponse<String> ack = bot.submit(JANE, view, "Update", TYPED, audience, false, "V-" + kind);
    assertThat(ack.body()).isEmpty();
    JsonNode preview = bot.awaitPost(c.responsePath(), "Details");
    return new WriteFlowHarness.Preview(WriteFlowHarness.planId(preview), preview, c.responsePath());
  }

  private List<SandboxComment> newComments(SandboxTicket t, int before) {
    List<SandboxComment> all = bot.sandbox().state().commentsOf(t.id());
    return all.subList(before, all.size());
  }

  @Test
  void comment_htmlTyped_previewedAsTyped_sentEscaped_verifiedAfterALostAnswer() throws Exception {
    SandboxTicket t = openTicket();
    int before = bot.sandbox().state().commentsOf(t.id()).size();
    WriteFlowHarness.Preview p = preview("comment", t, "public_email");
    assertThat(text(p.message())).contains(PREVIEWED + "\n> Thanks");

    // Syncro stores the comment but the answer is lost: the bot reads the ticket back and must
    // recognise its own escaped text there
    bot.sandbox().faults().nextWrite(WriteFault.SERVER_ERROR_AFTER_COMMIT);
    bot.click(JANE, "plan_confirm", p.planId(), newPath(), actionTs());
    bot.awaitState(p.planId(), PlanState.DONE);

    assertThat(newComments(t, before)).singleElement().satisfies(c -> {
      assertThat(c.body()).isEqualTo(SENT);
      assertThat(CommentHtml.toText(c.body())).isEqualTo(TYPED);
    });
  }

  @Test
  void close_htmlTyped_resolutionSentEscaped() throws Exception {
    SandboxTicket t = openTicket();
    int before = bot.sandbox().state().commentsOf(t.id()).size();
    WriteFlowHarness.Preview p = preview("close", t, "public");
    assertThat(text(p.message())).contains(PREVIEWED);

    bot.click(JANE, "plan_confirm", p.planId(), newPath(), actionTs());
    bot.awaitState(p.planId(), PlanState.DONE);

    assertThat(newComments(t, before)).singleElement().satisfies(c -> assertThat(c.body()).isEqualTo(SENT));
    assertThat(bot.sandbox().state().ticket(t.id()).orElseThrow().status()).isEqualTo("Resolved");
  }

  @Test
  void bill_htmlInTheWorkNotes_previewedAsTyped_sentEscaped() throws Exception {
    SandboxTicket t = bot.sandbox().state().tickets().stream()
        .filter(x -> !List.of("Resolved", "Invoiced", "Closed").contains(x.status()))
        .findFirst().orElseThrow();
    int before = bot.sandbox().state().commentsOf(t.id()).size();
    BillStubs modal = new BillStubs(bot);
    BillStubs.Opened o = modal.open(Long.toString(t.number()));
    assertThat(modal.submit(o.form(), BillStubs.Form.of("45", "remote", TYPED).with().visibleTo("public"))
        .body()).isEmpty();
    JsonNode preview = bot.awaitPost(o.command().responsePath(), "Details");
    assertThat(text(preview)).contains(PREVIEWED + "\n> Thanks");

    String planId = WriteFlowHarness.planId(preview);
    bot.click(JANE, "plan_confirm", planId, newPath(), actionTs());
    bot.awaitState(planId, PlanState.DONE);

    assertThat(newComments(t, before)).singleElement().satisfies(c -> assertThat(c.body()).isEqualTo(SENT));
  }
}
