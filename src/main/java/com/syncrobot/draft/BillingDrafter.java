package com.syncrobot.draft;

import com.syncrobot.billing.DraftedTexts;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drafts a billing's resolution comment, line description and preview summary (R13): by the language
 * model when one answers, otherwise from the technician's notes, saying which. Product, quantity and
 * price are never taken from the model. Thread-safe.
 */
public final class BillingDrafter {
  static final String SYSTEM_PROMPT = """
      You draft the text for one piece of billed work by an IT technician of a managed-service provider, \
      on a ticket in Syncro PSA. Answer with one JSON object and nothing else, with exactly these string fields:
      - "comment_subject": a short subject for the resolution comment, such as "Resolution".
      - "comment_body": the resolution comment for the customer, in HTML: plain sentences, <br> for line \
      breaks; never <ul>, <ol> or <li>, never Markdown.
      - "line_item_description": one plain-text line for the invoice describing the work.
      - "preview": one or two sentences summarising the work for the technician.
      Write only from the technician's notes; do not invent work. Never include passwords, API keys, tokens \
      or internal remarks. The labour line (product, quantity, price) is fixed by the billing rules and is \
      given to you as context only: you never choose product, quantity or price, so do not state, change or \
      compute any hours, quantity, rate, price or total.""";

  static final List<String> FIELDS = List.of("comment_subject", "comment_body", "line_item_description", "preview");

  private static final Logger log = LoggerFactory.getLogger(BillingDrafter.class);

  private final OllamaClient client;

  public BillingDrafter(OllamaClient client) {
    this.client = Objects.requireNonNull(client, "client == null");
  }

  /** Returns the drafted texts; never fails for want of a model (R13 fallback). */
  public DraftedTexts draft(BillingContext context) {
    Objects.requireNonNull(context, "context == null");
    return ModelAnswer.draftOr(client, SYSTEM_PROMPT, userPrompt(context), FIELDS,
        v -> new DraftedTexts(v.get("comment_subject"), v.get("comment_body"), v.get("line_item_description"),
            v.get("preview"), true, ModelAnswer.byModelNote(client)),
        note -> fallback(context, note), log, "Billing draft for " + context.ticketNumber());
  }

  /**
   * Returns the texts built from the technician's notes alone, for when the technician chose not to
   * have them drafted; the note says so.
   */
  public static DraftedTexts ownWords(BillingContext context) {
    Objects.requireNonNull(context, "context == null");
    return fallback(context, "drafted without the language model (you chose your own words): the text is the"
        + " technician's notes");
  }

  /** Returns the texts built from the technician's notes alone. */
  static DraftedTexts fallback(BillingContext c, String note) {
    String first = Notes.firstLine(c.workDone(), 200);
    return new DraftedTexts("Resolution", Notes.html(c.workDone()), c.labourType().label() + " labour: " + first,
        "Resolution for " + c.ticketNumber() + ": " + first, false, note);
  }

  static String userPrompt(BillingContext c) {
    return "Ticket " + c.ticketNumber() + ": " + c.ticketSubject() + "\n"
        + "Customer: " + c.customerName() + "\n"
        + "Technician: " + c.techName() + "\n"
        + "Labour type: " + c.labourType() + "\n"
        + "Labour line (fixed by the billing rules, context only): " + c.labourLine() + "\n"
        + "Work done (the technician's notes):\n" + c.workDone().strip() + "\n";
  }
}
