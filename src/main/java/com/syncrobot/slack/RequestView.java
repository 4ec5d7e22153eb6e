package com.syncrobot.slack;

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
 * The "Show request" modal: the exact method, path and pretty-printed JSON body of every step
 * (R1). The token is never in it: the client adds it at send time and it is not part of a plan.
 */
final class RequestView {
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** Room for the code fences and step heading inside one 3000-character section. */
  private static final int CHUNK = 2800;
  private static final int MAX_BLOCKS = 100;

  private RequestView() {}

  static View view(Plan plan) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Reply.section("Exactly what the bot sends to Syncro, step by step, with "
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

  private static String pretty(SyncroWrite w) {
    try {
      return PRETTY.writeValueAsString(w.body());
    } catch (JsonProcessingException e) {
      return String.valueOf(w.body());
    }
  }
}
