package com.syncrobot.feature.bill;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.syncrobot.feature.comment.CommentModal;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.slack.plan.PlanPreview;
import com.syncrobot.slack.plan.VisibilityText;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.RadioButtonsElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import com.syncrobot.billing.Minutes;
import com.syncrobot.billing.Rate;
import com.syncrobot.billing.RateTable;
import com.syncrobot.billing.Visibility;
import com.syncrobot.syncro.LineItem;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.syncro.TicketTimer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The {@code /syncro bill} modals: a loading view opened at once with the trigger_id (it expires in
 * about 3 s), then the billing form with the ticket and its warnings, or the
 * list of uncharged timers for {@code /syncro bill N timers}. Minutes and labour type are required and
 * nothing is preselected (R4).
 */
public final class BillModal {
  public static final String CALLBACK_ID = "syncro_bill";
  public static final String TIMERS_CALLBACK_ID = "syncro_bill_timers";
  static final String MINUTES = "minutes";
  static final String LABOUR = "labour";
  static final String WORK = "work";
  static final String VISIBILITY = "visibility";
  static final String OPTIONS = "options";
  /** The radio "What to do": {@link #INVOICE}, {@link #LINE_ONLY} or {@link #TIMER_ONLY}. */
  static final String ACTION = "action";
  static final String TIMERS = "timers";
  static final String INVOICE = "invoice";
  static final String TIMER_ONLY = "timer_only";
  static final String LINE_ONLY = "line_only";
  static final String DRAFT = "draft";
  static final int MAX_WORK = 4000;

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT);

  private BillModal() {}

  static View loading(CommentModal.Meta meta, String what) {
    return shell(meta, List.of(Reply.section(":hourglass_flowing_sand: Loading ticket #" + meta.number() + " "
        + what + " from Syncro…")), false);
  }

  /** A modal that only says {@code mrkdwn} (escaped). */
  static View message(CommentModal.Meta meta, String mrkdwn) {
    return shell(meta, List.of(Reply.section(mrkdwn)), false);
  }

  /** Returns the warning for a ticket that is no longer open, or null. */
  static @Nullable String stateWarning(Ticket t) {
    String status = t.status().strip().toLowerCase(Locale.ROOT);
    String n = "#" + t.number().value();
    return switch (status) {
      case "invoiced" -> n + " is already Invoiced — billing again adds a new invoice.";
      case "closed" -> n + " is Closed — billing it adds a new invoice and sets it to Invoiced.";
      case "resolved" -> n + " is Resolved — billing it invoices the work and sets it to Invoiced.";
      default -> null;
    };
  }

  /** Returns the ticket's line items that are on no invoice yet; an invoice made now includes them. */
  static List<LineItem> uninvoiced(Ticket t) {
    return t.lineItems().stream().filter(li -> !li.invoiced()).toList();
  }

  static String describe(LineItem li) {
    return li.quantity().stripTrailingZeros().toPlainString() + " × " + li.name() + " @ "
        + (li.priceRetail() == null ? "no price" : "$" + li.priceRetail().toPlainString())
        + (li.description() == null ? "" : " — " + li.description());
  }

  /** The billing form; {@code lead} (escaped mrkdwn), when given, is its first line. */
  static View form(CommentModal.Meta meta, Ticket ticket, RateTable rates, boolean modelConfigured,
      @Nullable String lead) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (lead != null) {
      blocks.add(Reply.section(lead));
    }
    blocks.add(Reply.section("*#" + ticket.number().value() + "* — " + Mrkdwn.escapeAndTruncate(ticket.subject(), 200)
        + "\n*Customer* " + Mrkdwn.escapeAndTruncate(ticket.customerName(), 150)
        + " · *Status* " + Mrkdwn.escapeAndTruncate(ticket.status(), 60)));
    String warning = stateWarning(ticket);
    if (warning != null) {
      blocks.add(Reply.section(":warning: *" + Mrkdwn.escape(warning) + "*"));
    }
    List<LineItem> open = uninvoiced(ticket);
    if (!open.isEmpty()) {
      StringBuilder sb = new StringBuilder("*Line items already on the ticket, not invoiced — these will be invoiced"
          + " too:*");
      open.stream().limit(10).forEach(li -> sb.append("\n• ").append(Mrkdwn.escapeAndTruncate(describe(li), 200)));
      blocks.add(Reply.section(sb.toString()));
    }
    blocks.add(InputBlock.builder().blockId(MINUTES).label(plainText("Minutes worked", true))
        .element(PlainTextInputElement.builder().actionId(CommentModal.VALUE)
            .placeholder(plainText("e.g. 45", true)).build())
        .hint(plainText("Whole minutes, 1 to " + Minutes.MAX + ". Billed as minutes ÷ 60 hours.", true))
        .build());
    List<OptionObject> labour = new ArrayList<>();
    for (Rate r : rates.all()) {
      labour.add(OptionObject.builder().value(r.type().key())
          .text(plainText(
              Mrkdwn.truncate(r.type().label() + " — $" + r.priceRetail() + " per " + r.unit(), 75), true))
          .description(plainText(Mrkdwn.truncate(r.productName(), 75), true))
          .build());
    }
    blocks.add(InputBlock.builder().blockId(LABOUR).label(plainText("Labour type", true))
        .element(StaticSelectElement.builder().actionId(CommentModal.VALUE)
            .placeholder(plainText("Choose the labour type", true)).options(labour).build())
        .hint(plainText("For emergency work the customer's prepaid hours are read when you submit.", true))
        .build());
    blocks.add(InputBlock.builder().blockId(WORK).label(plainText("Work done", true))
        .element(PlainTextInputElement.builder().actionId(CommentModal.VALUE).multiline(true).maxLength(MAX_WORK)
            .placeholder(plainText("What you did, in your words", true)).build())
        .build());
    List<OptionObject> who = new ArrayList<>();
    for (Visibility v : Visibility.values()) {
      who.add(OptionObject.builder().value(v.key()).text(plainText(VisibilityText.label(v), true)).build());
    }
    blocks.add(InputBlock.builder().blockId(VISIBILITY).label(plainText("Resolution comment: who sees it", true))
        .element(RadioButtonsElement.builder().actionId(CommentModal.VALUE).options(who).initialOption(who.get(0))
            .build())
        .build());
    // One choice, one control: what happens to the time is exactly one of these.
    OptionObject invoice = option(INVOICE, "Invoice now", "Add the line, create the invoice, set Invoiced");
    List<OptionObject> actions = List.of(invoice,
        option(LINE_ONLY, "Add the line, invoice later", "The line stays on the ticket, not invoiced"),
        option(TIMER_ONLY, "Log time only (timer entry, no charge)", "Nothing is billed or invoiced"));
    blocks.add(InputBlock.builder().blockId(ACTION).label(plainText("What to do", true))
        .element(RadioButtonsElement.builder().actionId(CommentModal.VALUE).options(actions).initialOption(invoice)
            .build())
        .build());
    if (modelConfigured) {
      OptionObject draft = option(DRAFT, "Draft the texts with the language model", "The checks run on the draft");
      blocks.add(InputBlock.builder().blockId(OPTIONS).label(plainText("Texts", true)).optional(true)
          .element(CheckboxesElement.builder().actionId(CommentModal.VALUE).options(List.of(draft))
              .initialOptions(List.of(draft)).build())
          .build());
    }
    blocks.add(PlanPreview.context("You get a preview with the exact line, price and total to confirm before anything"
        + " is sent to Syncro."));
    return shell(meta, blocks, true);
  }

  static View timers(CommentModal.Meta meta, Ticket ticket, List<TicketTimer> uncharged) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Reply.section("*#" + ticket.number().value() + "* — " + Mrkdwn.escapeAndTruncate(ticket.subject(), 200)
        + "\nCharging a timer turns it into a line item from the timer's product. Choose the timers to"
        + " charge; you get a preview first."));
    List<OptionObject> options = new ArrayList<>();
    for (TicketTimer t : uncharged.stream().limit(10).toList()) {
      String notes = t.notes() == null || t.notes().isBlank() ? "(no notes)" : t.notes().strip();
      options.add(option(Long.toString(t.id()), timerText(t), notes));
    }
    blocks.add(InputBlock.builder().blockId(TIMERS).label(plainText("Uncharged timers", true))
        .element(CheckboxesElement.builder().actionId(CommentModal.VALUE).options(options).build())
        .build());
    if (uncharged.size() > 10) {
      blocks.add(PlanPreview.context("Only the first 10 of " + uncharged.size() + " uncharged timers are listed."));
    }
    return shell(meta, blocks, true);
  }

  static String timerText(TicketTimer t) {
    Long minutes = t.minutes();
    return "Timer " + t.id() + " · " + (minutes == null ? "?" : minutes) + " min"
        + (t.startTime() == null ? "" : " · " + WHEN.format(t.startTime().atZoneSameInstant(ZoneOffset.UTC)) + " UTC");
  }

  private static OptionObject option(String value, String text, String description) {
    return OptionObject.builder().value(value).text(plainText(Mrkdwn.truncate(text, 75), true))
        .description(plainText(Mrkdwn.truncate(description, 75), true)).build();
  }

  private static View shell(CommentModal.Meta meta, List<LayoutBlock> blocks, boolean submit) {
    boolean timers = "timers".equals(meta.kind());
    View.ViewBuilder v = View.builder().type("modal")
        .callbackId(timers ? TIMERS_CALLBACK_ID : CALLBACK_ID)
        .privateMetadata(meta.toJson())
        .title(ViewTitle.builder().type("plain_text").text((timers ? "Timers #" : "Bill #") + meta.number()).build())
        .close(ViewClose.builder().type("plain_text").text(submit ? "Cancel" : "Close").build())
        .blocks(blocks);
    if (submit) {
      v.submit(ViewSubmit.builder().type("plain_text").text("Preview").build());
    }
    return v.build();
  }
}
