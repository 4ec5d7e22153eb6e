package com.syncrobot.write;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.syncro.SyncroWrite;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.syncro.TicketNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Plans as the Slack side would build them, for tests. */
final class Plans {
  static final String OWNER = "U0OWNER";
  static final String OTHER = "U0OTHER";
  static final long TICKET_ID = 9001;
  static final TicketRef TICKET = new TicketRef(new TicketId(TICKET_ID), new TicketNumber(32203), "Printer offline",
      "Acme Dental");
  static final String SUBJECT = "Update";
  static final String BODY = "Replaced the toner.<br>Printer is back online.";
  static final Duration TTL = Duration.ofMinutes(30);

  private Plans() {}

  static ObjectNode commentBody(String subject, String body) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("subject", subject);
    n.put("body", body);
    n.put("hidden", true);
    n.put("do_not_email", true);
    n.put("tech", "Dana Tech");
    return n;
  }

  static SyncroWrite commentWrite() {
    return new SyncroWrite("POST", "/tickets/" + TICKET_ID + "/comment", commentBody(SUBJECT, BODY), "/comment/id");
  }

  /** The ids of the comments ticket #32203 held when the plans here were made. */
  static final List<Long> KNOWN_COMMENTS = List.of(3999L, 4000L);

  static Check commentCheck() {
    return new Check.CommentExists(new TicketId(TICKET_ID), SUBJECT, BODY, KNOWN_COMMENTS);
  }

  static SyncroWrite statusWrite(String status) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("status", status);
    return new SyncroWrite("PUT", "/tickets/" + TICKET_ID, n, "/ticket/id");
  }

  static Plan.Builder base(String owner) {
    return Plan.builder()
        .kind("comment")
        .owner(owner, 1735, "Dana Tech")
        .channel("C0CHAN")
        .ticket(TICKET)
        .title("Internal note on #32203");
  }

  /** One step: an internal note on ticket #32203. */
  static Plan comment(Instant now) {
    return base(OWNER).step("Post internal note", commentWrite(), commentCheck()).build(now, TTL);
  }

  /** Two steps, as /syncro close builds them: resolution comment, then status Resolved. */
  static Plan close(Instant now) {
    return base(OWNER)
        .kind("close")
        .title("Close #32203")
        .step("Post resolution comment", commentWrite(), commentCheck())
        .step("Set status Resolved", statusWrite("Resolved"),
            Check.TicketFieldsAre.status(new TicketId(TICKET_ID), "Resolved"))
        .build(now, TTL);
  }
}
