package com.syncrobot.feature.create;

import com.syncrobot.feature.comment.AccountSettings;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.plan.PlanMemo;
import com.syncrobot.slack.plan.PlanRequests;
import com.syncrobot.slack.plan.PreviewData;
import com.syncrobot.slack.plan.VisibilityText;

import com.syncrobot.billing.Visibility;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.syncro.AppointmentType;
import com.syncrobot.syncro.Contact;
import com.syncrobot.syncro.Customer;
import com.syncrobot.syncro.SyncroUser;
import com.syncrobot.syncro.SyncroWrites;
import com.syncrobot.text.CommentHtml;
import com.syncrobot.write.Check;
import com.syncrobot.write.Plan;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Builds the plan of a new ticket (R14): {@code POST /tickets} (found again by customer and subject
 * if its answer is lost), the "Initial Issue" comment on the ticket that step created, and the
 * appointment only when a start was given. Only fields Syncro's API declares for {@code POST
 * /tickets} are sent: no {@code address_id} (not declared); the chosen address becomes the
 * appointment's location instead.
 */
public final class CreatePlans {
  public static final String KIND = "create";
  static final String INITIAL_ISSUE = "Initial Issue";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMM yyyy", Locale.ENGLISH);

  private CreatePlans() {}

  /** Everything the plan is made of, checked against the account and the customer by {@link #of}. */
  record Request(ConnectedUser user, String channelId, String responseUrl, Customer customer, CreateForm form,
      CreateVocabulary.Lists lists, ZoneId zone, String html, List<String> notes, PlanMemo extras) {}

  /**
   * Returns the plan for the checked form.
   *
   * @throws PlanRequests.Refusal when a choice no longer fits the account or the customer
   */
  static Plan of(Request r, Instant now, Duration ttl) {
    CreateForm f = r.form();
    Customer customer = r.customer();
    String issueType = AccountSettings.match(r.lists().issueTypes(), String.valueOf(f.issueType())).orElseThrow(
        () -> new PlanRequests.Refusal("The issue type is not one of this account's; nothing was prepared."));
    String priority = f.priority() == null ? r.lists().suggestedPriority(issueType)
        : AccountSettings.match(r.lists().priorities(), f.priority()).orElseThrow(
            () -> new PlanRequests.Refusal("The priority is not one of this account's; nothing was prepared."));
    SyncroUser tech = tech(r, f.techId());
    Contact contact = contact(customer, f.contactId(), "contact");
    Contact addressOf = contact(customer, f.addressContactId(), "address");
    String address = addressOf == null ? null : CreateModal.address(addressOf);

    SyncroWrites.NewTicket ticket = new SyncroWrites.NewTicket(customer.id(), f.subject(), issueType, "New", priority,
        tech.id(), contact == null ? null : contact.id(), f.due(), f.asset() == null ? null : f.asset().id());
    Visibility audience = f.doNotEmail() ? Visibility.PUBLIC : Visibility.PUBLIC_EMAIL;

    List<PreviewData.Field> shown = new ArrayList<>();
    shown.add(new PreviewData.Field("Customer", customer.displayName()));
    shown.add(new PreviewData.Field("Subject", f.subject()));
    shown.add(new PreviewData.Field("Issue type · Priority · Status", issueType + " · " + priority + " · New"));
    shown.add(new PreviewData.Field("Assigned technician", tech.name()));
    if (contact != null) {
      shown.add(new PreviewData.Field("Contact", contact.name() + (contact.email() == null ? "" : " · "
          + contact.email())));
    }
    if (address != null) {
      shown.add(new PreviewData.Field("Address", address));
    }
    if (f.due() != null) {
      shown.add(new PreviewData.Field("Due date", DAY.format(f.due())));
    }
    if (f.asset() != null) {
      shown.add(new PreviewData.Field("Asset", f.asset().text()));
    }
    shown.add(new PreviewData.Field("Initial Issue (comment)", CommentHtml.toText(r.html())));
    List<String> notes = new ArrayList<>(r.notes());

    Plan.Builder b = Plan.builder()
        .kind(KIND)
        .owner(r.user().slackUserId(), r.user().syncroUserId(), r.user().syncroUserName())
        .channel(r.channelId().isEmpty() ? r.user().slackUserId() : r.channelId())
        .title(Mrkdwn.truncate("New ticket for " + customer.displayName() + ": " + f.subject(), 140))
        .responseUrl(r.responseUrl().isEmpty() ? null : r.responseUrl())
        .step(Mrkdwn.truncate("Create ticket “" + f.subject() + "”", 140),
            SyncroWrites.createTicket(ticket),
            new Check.TicketCreated(customer.id(), f.subject(), now))
        .step("Post the Initial Issue comment (" + VisibilityText.label(audience).toLowerCase(Locale.ROOT) + ")",
            SyncroWrites.addCommentToCreatedTicket(0, INITIAL_ISSUE, r.html(), false, f.doNotEmail(),
                r.user().syncroUserName()),
            Check.WithStepIds.onTicketOf(0, t -> new Check.CommentExists(t, INITIAL_ISSUE, r.html(), List.of())));

    Instant start = f.start();
    if (start != null) {
      Instant end = Objects.requireNonNull(f.effectiveEnd());
      AppointmentType type = f.appointmentTypeId() == null ? null
          : r.lists().appointmentType(f.appointmentTypeId()).orElseThrow(() -> new PlanRequests.Refusal(
              "The appointment type is not one of this account's; nothing was prepared."));
      if (type == null) {
        throw new PlanRequests.Refusal("Choose the appointment type; nothing was prepared.");
      }
      String location = !f.location().isEmpty() ? f.location()
          : address != null ? address
              : type.locationHardCode();
      SyncroWrites.NewAppointment appointment = new SyncroWrites.NewAppointment(
          Mrkdwn.truncate(customer.displayName() + ": " + f.subject(), 255), start, end, type.id(), 0, customer.id(),
          tech.id(), f.doNotEmail(), location);
      shown.add(new PreviewData.Field("Appointment", type.name() + "\n" + AppointmentTimes.shown(start, r.zone())
          + " → " + AppointmentTimes.shown(end, r.zone()) + " ("
          + AppointmentTimes.duration(Duration.between(start, end)) + ")"
          + (location == null || location.isBlank() ? "" : "\nLocation: " + location)));
      notes.add("Times are in your Slack time zone (" + r.zone().getId() + "); Syncro gets UTC: "
          + AppointmentTimes.utc(start) + " to " + AppointmentTimes.utc(end) + ".");
      notes.add("“Do not invite” cannot be set through the API: set it in Syncro's web UI if the invitation"
          + " must not go out.");
      b.step(Mrkdwn.truncate("Create the " + type.name() + " appointment, " + AppointmentTimes.brief(start, r.zone()),
          140), SyncroWrites.createAppointment(appointment),
          Check.WithStepIds.onTicketOf(0, t -> new Check.AppointmentAt(null, t, start)));
    } else if (address != null) {
      notes.add("The address is not sent: Syncro's API takes no address for a new ticket, and it is only used as"
          + " an appointment's location (no start was given).");
    }
    PreviewData data = new PreviewData("/syncro create", audience, shown, notes);
    b.previewJson(r.extras().json(data));
    return b.build(now, ttl);
  }

  private static SyncroUser tech(Request r, @Nullable Long id) {
    long wanted = id == null ? r.user().syncroUserId() : id;
    Optional<SyncroUser> listed = r.lists().tech(wanted);
    if (listed.isPresent()) {
      return listed.get();
    }
    if (wanted == r.user().syncroUserId()) {
      return new SyncroUser(wanted, r.user().syncroUserName());
    }
    throw new PlanRequests.Refusal("The assigned technician is not a user of this account; nothing was prepared.");
  }

  private static @Nullable Contact contact(Customer customer, @Nullable Long id, String what) {
    if (id == null) {
      return null;
    }
    return customer.contacts().stream().filter(c -> c.id() == id).findFirst()
        .orElseThrow(() -> new PlanRequests.Refusal("The chosen " + what + " is not one of " + Mrkdwn.escapeAndTruncate(
            customer.displayName(), 100) + "'s contacts; nothing was prepared. Run the command again."));
  }
}
