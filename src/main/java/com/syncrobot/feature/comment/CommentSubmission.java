package com.syncrobot.feature.comment;

import com.syncrobot.slack.DeliveryLog;
import com.syncrobot.slack.RedeliveryFilter;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.blocks.ViewValues;
import com.syncrobot.slack.plan.PlanRequests;
import com.syncrobot.slack.plan.PreviewData;
import com.syncrobot.slack.plan.TicketSteps;
import com.syncrobot.slack.plan.VisibilityText;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import com.syncrobot.billing.CommentReview;
import com.syncrobot.billing.ReviewChecklist;
import com.syncrobot.billing.Visibility;
import com.syncrobot.draft.CommentContext;
import com.syncrobot.draft.CommentDrafter;
import com.syncrobot.draft.DraftedComment;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.syncro.TicketNumber;
import com.syncrobot.text.CommentHtml;
import com.syncrobot.text.CommentText;
import com.syncrobot.text.Secret;
import com.syncrobot.write.Check;
import com.syncrobot.write.Plan;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Submission of the comment / close modal. Field problems are flagged on the field inside the ack
 * (empty or over-long text, a credential in customer-visible text: R8, R11); an accepted submission
 * closes the modal and the plan is built off-thread, then previewed (R1).
 */
public record CommentSubmission(PlanRequests requests, DeliveryLog deliveries, CommentDrafter drafter)
    implements ViewSubmissionHandler {
  /** The modal's fields as typed. */
  record Fields(String subject, String body, Visibility audience, boolean draft) {}

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    Optional<CommentModal.Meta> meta = CommentModal.Meta.fromJson(
        String.valueOf(req.getPayload().getView().getPrivateMetadata()));
    if (meta.isEmpty()) {
      return ctx.ackWithErrors(
          Map.of(CommentModal.BODY, "This dialog is out of date; close it and run the command again."));
    }
    Fields f = fields(req.getPayload().getView().getState().getValues());
    Map<String, String> errors = errors(f);
    if (!errors.isEmpty()) {
      return ctx.ackWithErrors(errors);
    }
    if (!deliveries.firstDelivery(RedeliveryFilter.viewKey(req))) {
      return ctx.ack();
    }
    CommentModal.Meta m = meta.get();
    String userId = req.getPayload().getUser().getId();
    boolean queued = requests.submit(m.kind(), f.draft(), userId, new TicketNumber(m.number()), m.responseUrl(),
        (api, user, ticket, clock, ttl) -> plan(m, f, api, user, ticket, clock, ttl));
    return queued ? ctx.ack() : ctx.ackWithErrors(Map.of(CommentModal.BODY, UserMessages.BUSY));
  }

  static Fields fields(Map<String, Map<String, ViewState.Value>> values) {
    String subject = text(values, CommentModal.SUBJECT).strip();
    String body = text(values, CommentModal.BODY).strip();
    Visibility audience = Visibility.INTERNAL;
    ViewState.Value a = value(values, CommentModal.AUDIENCE);
    if (a != null && a.getSelectedOption() != null) {
      try {
        audience = Visibility.parse(a.getSelectedOption().getValue());
      } catch (IllegalArgumentException e) {
        // an option this bot never offered: the safe reading is the one nobody outside sees
        audience = Visibility.INTERNAL;
      }
    }
    ViewState.Value d = value(values, CommentModal.DRAFT);
    boolean draft = d != null && d.getSelectedOptions() != null && !d.getSelectedOptions().isEmpty();
    return new Fields(subject, body, audience, draft);
  }

  static Map<String, String> errors(Fields f) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (f.subject().isEmpty()) {
      errors.put(CommentModal.SUBJECT, "Give the comment a subject.");
    } else if (f.subject().length() > CommentModal.MAX_SUBJECT) {
      errors.put(CommentModal.SUBJECT, "The subject is " + f.subject().length() + " characters; Syncro takes up to "
          + CommentModal.MAX_SUBJECT + ".");
    }
    if (f.body().isEmpty()) {
      errors.put(CommentModal.BODY, "Write the comment; an empty comment is not sent.");
    } else if (!f.draft() && CommentText.fromTyped(f.body()).html().isBlank()) {
      errors.put(CommentModal.BODY, "Only line breaks and list markup: there is no text to send. Write the comment.");
    } else if (f.body().length() > CommentModal.MAX_BODY) {
      errors.put(CommentModal.BODY, "The comment is " + f.body().length() + " characters; the limit is "
          + CommentModal.MAX_BODY + ". Shorten it.");
    }
    if (f.audience().customerVisible() && !errors.containsKey(CommentModal.BODY)) {
      Optional<String> secret = Secret.find(f.subject() + "\n" + f.body(), true).map(Secret::shape);
      secret.ifPresent(s -> errors.put(CommentModal.BODY, "This comment is visible to the customer and contains "
          + s + ". Remove it, or make it an internal note."));
    }
    return errors;
  }

  private Plan plan(CommentModal.Meta m, Fields f, SyncroApi api, ConnectedUser user, Ticket ticket, Clock clock,
      Duration ttl) {
    List<String> notes = new ArrayList<>();
    String subject = f.subject();
    String html;
    if (f.draft()) {
      // R13: the model drafts (or the notes stand in, saying so); the R8 review runs on whatever came back
      DraftedComment draft = drafter.draft(new CommentContext(ticket.number(), ticket.subject(), ticket.customerName(),
          user.syncroUserName(), f.body(), f.audience()));
      notes.add(capitalised(draft.note()) + ".");
      CommentReview review = ReviewChecklist.reviewComment(f.subject(), draft.body(), f.audience());
      subject = review.subject();
      html = review.body();
      review.corrections().forEach(c -> notes.add("Corrected: " + c + "."));
    } else {
      CommentText.Typed body = CommentText.fromTyped(f.body());
      html = body.html();
      if (body.hadList()) {
        notes.add("Turned the bullet list into • lines: Syncro does not show list markup.");
      }
      if (body.multiline()) {
        notes.add("Line breaks are sent as <br>.");
      }
    }
    boolean close = "close".equals(m.kind());
    if (close && !ticket.isOpen()) {
      notes.add("Warning: ticket #" + ticket.number().value() + " is already " + ticket.status()
          + "; its status will be set to Resolved.");
    }
    List<PreviewData.Field> shown = List.of(
        new PreviewData.Field("Subject", subject),
        new PreviewData.Field(close ? "Resolution" : "Comment", CommentHtml.toText(html)));
    String rerun = "/syncro " + m.kind() + " " + m.number();
    PreviewData data = new PreviewData(rerun, f.audience(), shown, notes);
    String where = " on #" + ticket.number().value();
    String title = close ? "Close #" + ticket.number().value() + " — resolution + Resolved"
        : VisibilityText.label(f.audience()) + where;
    Plan.Builder b = TicketSteps.start(m.kind(), user, m.channelId().isEmpty() ? user.slackUserId() : m.channelId(),
        ticket, title, data, m.planUrl());
    // a ticket from the list carries no comments: read them, so that none of them passes for the new one
    TicketSteps.commentStep(b, ticket, api.comments(ticket.id()), user, (close ? "Post resolution (" : "Post ")
        + VisibilityText.label(f.audience()).toLowerCase(Locale.ROOT) + (close ? ")" : ""), subject, html,
        f.audience());
    if (close) {
      b.step("Set status Resolved", TicketSteps.ticketFields(ticket, Map.of("status", "Resolved")),
          Check.TicketFieldsAre.status(ticket.id(), "Resolved"));
    }
    return b.build(clock.instant(), ttl);
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String text(Map<String, Map<String, ViewState.Value>> values, String block) {
    return ViewValues.text(value(values, block));
  }

  private static ViewState.Value value(Map<String, Map<String, ViewState.Value>> values, String block) {
    return ViewValues.value(values, block, CommentModal.VALUE);
  }
}
