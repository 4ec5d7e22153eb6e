package com.syncrobot.feature.bill;

import com.syncrobot.feature.comment.CommentModal;
import com.syncrobot.slack.DeliveryLog;
import com.syncrobot.slack.RedeliveryFilter;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.slack.plan.FinishButton;
import com.syncrobot.slack.plan.PlanClick;
import com.syncrobot.slack.plan.PlanPreview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import com.syncrobot.syncro.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bill modal when the ticket carries the line of an unfinished billing ({@link UnfinishedBills}):
 * it names that billing first, its main action (the submit button) is "Finish the remaining steps",
 * which previews exactly the steps that did not happen beside the command, and "Bill new work anyway"
 * is a separate, differently worded button that opens the usual form with the earlier line named at its
 * top, since an invoice made then includes it too.
 */
public final class FinishBillModal {
  public static final String CALLBACK_ID = "syncro_bill_unfinished";
  /** The button that opens the usual form instead; its value is the unfinished plan's id. */
  public static final String ANYWAY = "bill_new_anyway";
  private static final ObjectMapper JSON = new ObjectMapper();

  private FinishBillModal() {}

  /** What the modal keeps: the command's meta and the unfinished plan. */
  record Metadata(CommentModal.Meta meta, String planId) {
    String toJson() {
      return JSON.createObjectNode().put("meta", meta.toJson()).put("plan", planId).toString();
    }

    static Optional<Metadata> fromJson(String json) {
      try {
        JsonNode n = JSON.readTree(json);
        Optional<CommentModal.Meta> meta = CommentModal.Meta.fromJson(n.path("meta").asText(""));
        String plan = n.path("plan").asText("");
        return meta.isEmpty() || plan.isBlank() ? Optional.empty() : Optional.of(new Metadata(meta.get(), plan));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }

  static View view(CommentModal.Meta meta, Ticket ticket, UnfinishedBills.Found found, String askerId) {
    boolean owner = found.plan().isOwnedBy(askerId);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Reply.section(":warning: " + found.named()));
    blocks.add(Reply.section(owner
        ? "*Finish remaining steps* (the main button) prepares exactly those steps for #" + meta.number()
            + ": you see them and confirm once more. The line is invoiced once; nothing is billed twice."
        : "Only <@" + found.plan().slackUserId() + ">, who asked for it, can finish it: ask them to run `/syncro"
            + " bill " + meta.number() + "`, or to press *Finish the remaining steps* on their message."));
    blocks.add(ActionsBlock.builder().blockId("bill_unfinished")
        .elements(List.of(PlanPreview.button(ANYWAY, "Bill new work anyway", found.plan().id(), null))).build());
    blocks.add(PlanPreview.context("*Bill new work anyway* is only for other work than the earlier bill: it opens"
        + " the billing form, and the earlier line (" + Mrkdwn.escape(found.amount()) + ") stays on the ticket and"
        + " is invoiced together with the new one."));
    blocks.add(PlanPreview.context("#" + ticket.number().value() + " — " + Mrkdwn.escapeAndTruncate(ticket.subject(),
        150) + " · " + Mrkdwn.escapeAndTruncate(ticket.customerName(), 100)));
    View.ViewBuilder v = View.builder().type("modal")
        .callbackId(CALLBACK_ID)
        .privateMetadata(new Metadata(meta, found.plan().id()).toJson())
        .title(ViewTitle.builder().type("plain_text").text("Bill #" + meta.number()).build())
        .close(ViewClose.builder().type("plain_text").text(owner ? "Cancel" : "Close").build())
        .blocks(blocks);
    if (owner) {
      // Slack allows 24 characters on a modal's submit button
      v.submit(ViewSubmit.builder().type("plain_text").text("Finish remaining steps").build());
    }
    return v.build();
  }

  /** Returns the first line of the usual form opened by "Bill new work anyway" (escaped mrkdwn). */
  static String lead(UnfinishedBills.Found found) {
    return ":warning: *Billing new work.* " + found.named() + " That line (" + Mrkdwn.escape(found.amount())
        + ") is invoiced together with this one.";
  }

  private static View notice(String mrkdwn) {
    return View.builder().type("modal").callbackId(CALLBACK_ID)
        .title(ViewTitle.builder().type("plain_text").text("Bill").build())
        .close(ViewClose.builder().type("plain_text").text("Close").build())
        .blocks(List.of(Reply.section(mrkdwn))).build();
  }

  /**
   * The submit ("Finish remaining steps"): closes the modal and prepares the follow-up off Slack's
   * thread, previewed through the command's response_url (or by DM).
   */
  public static ViewSubmissionHandler submission(FinishButton finish, WorkQueue work, DeliveryLog deliveries) {
    return (req, ctx) -> {
      Optional<Metadata> m = Metadata.fromJson(String.valueOf(req.getPayload().getView().getPrivateMetadata()));
      if (m.isEmpty()) {
        return ctx.ack(r -> r.responseAction("update").view(notice("This dialog is out of date; close it and run"
            + " `/syncro bill` again. Nothing was prepared.")));
      }
      if (!deliveries.firstDelivery(RedeliveryFilter.viewKey(req))) {
        return ctx.ack();
      }
      String url = m.get().meta().responseUrl();
      PlanClick click = new PlanClick(req.getPayload().getUser().getId(), m.get().planId(), -1,
          url.isEmpty() ? null : url, null);
      return work.submit("finish bill", () -> finish.run(click)) ? ctx.ack()
          : ctx.ack(r -> r.responseAction("update").view(BillModal.message(m.get().meta(), UserMessages.BUSY)));
    };
  }
}
