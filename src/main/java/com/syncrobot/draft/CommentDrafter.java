package com.syncrobot.draft;

import com.syncrobot.billing.Visibility;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drafts a plain ticket comment from a technician's notes ("draft it for me"): by the language model
 * when one answers, otherwise the notes themselves, saying which (R13). Thread-safe.
 */
public final class CommentDrafter {
  static final String SYSTEM_PROMPT = """
      You turn an IT technician's rough notes into a ticket comment in Syncro PSA for a managed-service \
      provider. Answer with one JSON object and nothing else, with exactly these string fields:
      - "comment_subject": a short subject, such as "Update" or "Waiting on customer".
      - "comment_body": the comment in HTML: plain sentences, <br> for line breaks; never <ul>, <ol> or <li>, \
      never Markdown.
      Write only from the notes; do not invent work. Never include passwords, API keys or tokens. Do not \
      mention prices, quantities or hours that are not in the notes.""";

  static final List<String> FIELDS = List.of("comment_subject", "comment_body");

  private static final Logger log = LoggerFactory.getLogger(CommentDrafter.class);

  private final OllamaClient client;

  public CommentDrafter(OllamaClient client) {
    this.client = Objects.requireNonNull(client, "client == null");
  }

  /** Returns the drafted comment; never fails for want of a model (R13 fallback). */
  public DraftedComment draft(CommentContext context) {
    Objects.requireNonNull(context, "context == null");
    return ModelAnswer.draftOr(client, SYSTEM_PROMPT, userPrompt(context), FIELDS,
        v -> new DraftedComment(v.get("comment_subject"), v.get("comment_body"), true,
            ModelAnswer.byModelNote(client)),
        note -> new DraftedComment("Update", Notes.html(context.notes()), false, note), log,
        "Comment draft for " + context.ticketNumber());
  }

  static String userPrompt(CommentContext c) {
    String reader = c.visibility() == Visibility.INTERNAL
        ? "an internal note: only technicians read it"
        : "a public comment: the customer reads it";
    String ticket = c.ticketNumber() == null ? "New ticket (its Initial Issue comment)" : "Ticket " + c.ticketNumber();
    return ticket + ": " + c.ticketSubject() + "\n"
        + "Customer: " + c.customerName() + "\n"
        + "Technician: " + c.techName() + "\n"
        + "This is " + reader + ".\n"
        + "Notes:\n" + c.notes().strip() + "\n";
  }
}
