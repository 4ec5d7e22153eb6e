package com.syncrobot.feature.create;

import com.syncrobot.slack.DeliveryLog;
import com.syncrobot.slack.RedeliveryFilter;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.blocks.SlackMessageText;
import com.syncrobot.slack.blocks.ViewValues;
import com.syncrobot.slack.plan.PlanMemo;
import com.syncrobot.slack.plan.PlanRequests;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.syncrobot.billing.CommentReview;
import com.syncrobot.billing.ReviewChecklist;
import com.syncrobot.billing.Visibility;
import com.syncrobot.draft.CommentContext;
import com.syncrobot.draft.CommentDrafter;
import com.syncrobot.draft.DraftedComment;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.syncro.Customer;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.write.Plan;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Submission of the create modal: field problems are flagged inside the ack (R14: customer,
 * subject ≤ 255, end after start, nothing in the past…); an accepted form closes the modal and the
 * plan is built off-thread against the account and the customer, stored, then previewed (R1).
 */
record CreateSubmission(PlanRequests requests, DeliveryLog deliveries, CreateForms forms, CreateVocabulary vocabulary,
    CommentDrafter drafter, Clock clock) implements ViewSubmissionHandler {
  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    View view = req.getPayload().getView();
    Optional<CreateModal.Meta> meta = CreateModal.Meta.fromJson(view.getPrivateMetadata());
    if (meta.isEmpty()) {
      return ctx.ackWithErrors(Map.of(CreateModal.B_SUBJECT,
          "This dialog is out of date; close it and run /syncro create again."));
    }
    String userId = req.getPayload().getUser().getId();
    CreateForm form = CreateForm.read(ViewValues.of(view));
    // the zone read when the form was filled in: asking Slack here could outlast the 3-second ack
    ZoneId zone = meta.get().zoneId();
    Map<String, String> errors = form.errors(clock.instant(), zone);
    if (!errors.isEmpty()) {
      return ctx.ackWithErrors(errors);
    }
    if (!deliveries.firstDelivery(RedeliveryFilter.viewKey(req))) {
      return ctx.ack();
    }
    CreateModal.Meta m = meta.get();
    boolean queued = requests.submitNew("create", form.draft(), userId, m.responseUrl(),
        "That customer is no longer in Syncro; nothing was prepared. Run /syncro create again.",
        (api, user, c, ttl) -> plan(api, user, m, form, c, ttl));
    return queued ? ctx.ack() : ctx.ackWithErrors(Map.of(CreateModal.B_SUBJECT, UserMessages.BUSY));
  }

  private Plan plan(SyncroApi api, ConnectedUser user, CreateModal.Meta m, CreateForm form, Clock c, Duration ttl) {
    CreateForm.Choice chosen = form.customer();
    if (chosen == null) {
      throw new PlanRequests.Refusal("No customer was chosen; nothing was prepared.");
    }
    Customer customer = forms.customer(api, chosen.id());
    CreateVocabulary.Lists lists = vocabulary.get(api);
    ZoneId zone = m.zoneId();
    List<String> notes = new ArrayList<>();
    String html;
    Visibility visibility = form.doNotEmail() ? Visibility.PUBLIC : Visibility.PUBLIC_EMAIL;
    if (form.draft()) {
      // R13: the model drafts (or the notes stand in, escaped, saying so); the R8 review runs on the result
      DraftedComment draft = drafter.draft(new CommentContext(null, form.subject(), customer.displayName(),
          user.syncroUserName(), form.description(), visibility));
      notes.add(Character.toUpperCase(draft.note().charAt(0)) + draft.note().substring(1) + ".");
      CommentReview review = ReviewChecklist.reviewComment(CreatePlans.INITIAL_ISSUE, draft.body(), visibility);
      review.corrections().forEach(fix -> notes.add("Corrected: " + fix + "."));
      html = review.body();
    } else {
      // the technician's own words are plain text: escape what HTML would read as markup (R8)
      html = SlackMessageText.html(form.description());
    }
    PlanMemo extras = new PlanMemo(zone.getId(), m.threadChannel(), m.threadTs(), null, customer.displayName(),
        form.subject());
    CreatePlans.Request r = new CreatePlans.Request(user, m.channelId(), m.responseUrl(), customer, form, lists, zone,
        html, notes, extras);
    return CreatePlans.of(r, c.instant(), ttl);
  }
}
