package com.syncrobot.slack.plan;

import com.syncrobot.feature.bill.BillingSection;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewTitle;
import com.syncrobot.syncro.SyncroWrite;
import com.syncrobot.write.Plan;
import com.syncrobot.write.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * The Details modal: for a billing the line as sent, why this product and price, the invoice and every
 * review check; for every plan each step with its state and the Syncro id it got; then the exact method,
 * path and pretty-printed JSON body of every step (R1). The token is never in it: the client adds it at
 * send time and it is not part of a plan.
 */
public final class RequestView {
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** Room for the code fences and step heading inside one 3000-character section. */
  private static final int CHUNK = 2800;
  private static final int MAX_BLOCKS = 100;

  private RequestView() {}

  static View view(Plan plan) {
    List<LayoutBlock> blocks = new ArrayList<>();
    PreviewData.Billing billing = PreviewData.fromJson(plan.previewJson(), "/syncro").billing();
    if (billing != null) {
      BillingSection.details(billing).forEach(text -> blocks.add(Reply.section(text)));
    }
    blocks.add(Reply.section("*Steps*\n" + steps(plan)));
    blocks.add(Reply.section("*Requests:* exactly what the bot sends to Syncro, step by step, with "
        + Mrkdwn.escapeAndTruncate(plan.syncroUserName(), 100) + "'s token (added at send time, never shown)."));
    for (Step s : plan.steps()) {
      if (s.isRead()) {
        blocks.add(Reply.section("*Step " + (s.index() + 1) + ": " + Mrkdwn.escapeAndTruncate(s.label(), 150)
            + "*\n`GET " + Mrkdwn.inCode(s.path(), 500) + "` – a read that checks the result; it writes nothing"));
        continue;
      }
      SyncroWrite w = s.sent() != null ? s.sent() : java.util.Objects.requireNonNull(s.request(), "request");
      blocks.add(Reply.section("*Step " + (s.index() + 1) + ": " + Mrkdwn.escapeAndTruncate(s.label(), 150) + "*\n`"
          + w.method() + " " + Mrkdwn.inCode(w.path(), 500) + "`"));
      if (w.body() != null) {
        String json = pretty(w);
        for (int i = 0; i < json.length() && blocks.size() < MAX_BLOCKS; i += CHUNK) {
          String chunk = json.substring(i, Math.min(json.length(), i + CHUNK));
          blocks.add(Reply.section("```" + Mrkdwn.escape(chunk) + "```"));
        }
      }
    }
    return View.builder()
        .type("modal")
        .title(ViewTitle.builder().type("plain_text").text("Request to Syncro").build())
        .close(ViewClose.builder().type("plain_text").text("Close").build())
        .blocks(blocks.size() > MAX_BLOCKS ? blocks.subList(0, MAX_BLOCKS) : blocks)
        .build();
  }

  /** Each step with its state and, once done, the Syncro id it got (the ids people never need elsewhere). */
  private static String steps(Plan plan) {
    StringBuilder sb = new StringBuilder();
    for (Step s : plan.steps()) {
      sb.append(s.index() + 1).append(". ").append(Mrkdwn.escapeAndTruncate(s.label(), 150)).append(" — ")
          .append(PlanPreview.stepState(s))
          .append(s.resultId() == null ? "" : " (Syncro id " + s.resultId() + ")").append('\n');
    }
    return sb.toString().strip();
  }

  private static String pretty(SyncroWrite w) {
    try {
      return PRETTY.writeValueAsString(w.body());
    } catch (JsonProcessingException e) {
      return String.valueOf(w.body());
    }
  }
}
