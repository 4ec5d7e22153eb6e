package com.syncrobot.playground.sandbox.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.syncrobot.playground.sandbox.model.SandboxComment;
import com.syncrobot.playground.sandbox.model.SandboxData;
import com.syncrobot.playground.sandbox.model.SandboxTech;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code GET /tickets/{id}/comments} and {@code POST /tickets/{id}/comment}. */
record CommentRoutes(Env env) {
  void register(Router r) {
    r.add("GET", "/tickets/{id}/comments", this::list);
    r.add("POST", "/tickets/{id}/comment", this::create);
  }

  /** Newest first unless {@code sort_direction=ASC}; {@code per_page} honoured up to the knob's maximum. */
  private SandboxReply list(Call c) {
    return env.onTicket(c, (d, t, p) -> {
      List<SandboxComment> all = new ArrayList<>(d.commentsOf(t.id()));
      Comparator<SandboxComment> oldestFirst = Comparator.comparing(SandboxComment::createdAt)
          .thenComparingLong(SandboxComment::id);
      all.sort("ASC".equalsIgnoreCase(p.text("sort_direction")) ? oldestFirst : oldestFirst.reversed());
      Long asked = p.longValue("per_page");
      int perPage = asked == null || asked < 1 ? env.knobs.commentsDefaultPerPage()
          : (int) Math.min(asked, env.knobs.commentsMaxPerPage());
      Paging<SandboxComment> page = Paging.of(all, Paging.page(p), perPage);
      ArrayNode items = Json.arr();
      page.items().forEach(x -> items.add(env.tickets.comment(x)));
      return SandboxReply.ok(Json.wrap("comments", items)
          .set("meta", page.shortMeta().put("per_page", perPage)));
    });
  }

  /**
   * Takes a FLAT body {subject, body, hidden, do_not_email, tech}; a body wrapped in {@code
   * {"comment": ...}} has no subject or body at the top and fails like a blank one. Other fields
   * ({@code product_id}, {@code minutes_spent}, {@code bill_time_now}) are dropped silently. Never
   * deduplicates: the same POST twice makes two comments.
   */
  private SandboxReply create(Call c) {
    return env.onTicket(c, (d, t, p) -> {
      List<String> problems = Errors.blanks(p, false, "body", "subject");
      if (!problems.isEmpty()) {
        return Errors.messages(problems);
      }
      SandboxComment comment = add(d, t, p, c.tech(), env.now());
      return SandboxReply.ok(Json.wrap("comment", env.tickets.comment(comment)));
    });
  }

  /** Adds a comment by {@code author} (the token's owner); {@code tech} in the body only renames it. */
  static SandboxComment add(SandboxData d, SandboxTicket t, RailsParams p, SandboxTech author, Instant now) {
    long id = d.nextCommentId++;
    String tech = p.blank("tech") ? author.name() : p.text("tech");
    SandboxComment comment = new SandboxComment(id, t.id(), p.text("subject"), p.text("body"),
        p.bool("hidden", false), p.bool("do_not_email", false), tech, author.id(), now);
    d.comments.put(id, comment);
    d.tickets.put(t.id(), d.tickets.get(t.id()).touched(now));
    return comment;
  }
}
