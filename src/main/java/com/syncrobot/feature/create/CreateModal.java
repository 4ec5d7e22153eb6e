package com.syncrobot.feature.create;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.syncrobot.slack.blocks.MetadataJson;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.slack.plan.PlanPreview;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.DatePickerElement;
import com.slack.api.model.block.element.DatetimePickerElement;
import com.slack.api.model.block.element.ExternalSelectElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import com.syncrobot.syncro.AppointmentType;
import com.syncrobot.syncro.Contact;
import com.syncrobot.syncro.Customer;
import com.syncrobot.syncro.SyncroUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The {@code /syncro create} modal (R14): everything the ticket, its Initial Issue comment and its
 * appointment need, in one pass. The customer and the asset are external selects answered by
 * type-ahead searches; contacts and addresses come from the chosen customer and are rebuilt when it
 * changes (their block ids carry the customer id, so a stale choice cannot survive the change).
 */
public final class CreateModal {
  static final String CALLBACK_ID = "syncro_create";

  static final String A_CUSTOMER = "create_customer";
  static final String A_SUBJECT = "create_subject";
  static final String A_ISSUE = "create_issue_type";
  static final String A_PRIORITY = "create_priority";
  static final String A_DESCRIPTION = "create_description";
  static final String A_DRAFT = "create_draft";
  static final String A_NO_EMAIL = "create_no_email";
  static final String A_DUE = "create_due";
  static final String A_TECH = "create_tech";
  static final String A_CONTACT = "create_contact";
  static final String A_ADDRESS = "create_address";
  static final String A_APPOINTMENT_TYPE = "create_appointment_type";
  static final String A_LOCATION = "create_location";
  static final String A_START = "create_start";
  static final String A_END = "create_end";
  static final String A_ASSET = "create_asset";

  static final String B_CUSTOMER = "customer";
  static final String B_SUBJECT = "subject";
  static final String B_ISSUE = "issue_type";
  static final String B_DESCRIPTION = "description";
  static final String B_DUE = "due_date";
  static final String B_APPOINTMENT_TYPE = "appointment_type";
  static final String B_START = "start";
  static final String B_END = "end";

  static final int MIN_CUSTOMER_QUERY = 2;

  /**
   * Where the modal's answer goes and what it came from; kept in private_metadata (≤ 3000 chars).
   *
   * @param customerId the customer chosen so far, for the asset search
   * @param threadChannel the channel of the message a shortcut started from, whose thread gets the result
   */
  record Meta(String responseUrl, String channelId, @Nullable Long customerId, @Nullable String threadChannel,
      @Nullable String threadTs, @Nullable String zone) {
    Meta {
      Objects.requireNonNull(responseUrl, "responseUrl == null");
      Objects.requireNonNull(channelId, "channelId == null");
    }

    Meta withCustomer(@Nullable Long id) {
      return new Meta(responseUrl, channelId, id, threadChannel, threadTs, zone);
    }

    /** With the technician's time zone, read when the form is filled in, for the submission's checks. */
    Meta withZone(ZoneId z) {
      return new Meta(responseUrl, channelId, customerId, threadChannel, threadTs, z.getId());
    }

    /**
     * The technician's zone as the form was filled in (UTC when Slack did not say): the submission is checked
     * inside Slack's 3 s, on whichever replica it reaches, without asking Slack again.
     */
    ZoneId zoneId() {
      try {
        return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
      } catch (DateTimeException e) {
        return ZoneOffset.UTC;
      }
    }

    String toJson() {
      return MetadataJson.write(this);
    }

    static Optional<Meta> fromJson(@Nullable String json) {
      return MetadataJson.read(json, Meta.class);
    }
  }

  private CreateModal() {}

  /** The modal opened at once (the trigger_id expires in ~3 s) while the account's lists load. */
  static View loading(Meta meta) {
    return shell(meta, List.of(Reply.section(":hourglass_flowing_sand: Loading the account's issue types,"
        + " technicians and appointment types…")), false);
  }

  /** A modal that only says {@code mrkdwn}. */
  static View message(Meta meta, String mrkdwn) {
    return shell(meta, List.of(Reply.section(mrkdwn)), false);
  }

  /**
   * The form with {@code form}'s values filled in.
   *
   * @param customer the chosen customer with its contacts, or null before one is chosen
   * @param asker offered as the only technician when the account lists none
   * @param notes short escaped mrkdwn lines shown at the top (e.g. why the customer is not prefilled)
   */
  static View form(Meta meta, CreateVocabulary.Lists lists, CreateForm form, @Nullable Customer customer,
      SyncroUser asker, List<String> notes) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Reply.section("Everything for the new ticket in one pass. You get a preview to confirm before"
        + " anything is sent to Syncro: ticket, *Initial Issue* comment, then the appointment if you give a start."));
    for (String note : notes) {
      blocks.add(PlanPreview.context(note));
    }
    ExternalSelectElement.ExternalSelectElementBuilder customerSelect = ExternalSelectElement.builder()
        .actionId(A_CUSTOMER).minQueryLength(MIN_CUSTOMER_QUERY)
        .placeholder(plainText("Type 2+ letters of the customer's name", true));
    if (form.customer() != null) {
      customerSelect.initialOption(option(Long.toString(form.customer().id()), form.customer().text()));
    }
    blocks.add(input(B_CUSTOMER, "Customer", customerSelect.build(), false).dispatchAction(true).build());
    blocks.add(input(B_SUBJECT, "Subject", PlainTextInputElement.builder().actionId(A_SUBJECT)
        .maxLength(CreateForm.MAX_SUBJECT).initialValue(emptyToNull(form.subject())).build(), false).build());
    blocks.add(input(B_ISSUE, "Issue type", select(A_ISSUE, "Choose an issue type", strings(lists.issueTypes()),
        form.issueType()), false).dispatchAction(true)
        .hint(plainText("\"Not determined\" when unclear. Emergency Service suggests priority 4 Urgent.", true))
        .build());
    String priority = form.priority() != null ? form.priority() : lists.suggestedPriority("");
    blocks.add(input(priorityBlock(form), "Priority", select(A_PRIORITY, "Priority", strings(lists.priorities()),
        priority), false).build());
    blocks.add(input(B_DESCRIPTION, "Description (the Initial Issue comment)", PlainTextInputElement.builder()
        .actionId(A_DESCRIPTION).multiline(true).maxLength(CreateForm.MAX_DESCRIPTION)
        .initialValue(emptyToNull(Mrkdwn.truncate(form.description(), CreateForm.MAX_DESCRIPTION))).build(), false)
        .hint(plainText("Posted as a public comment (the customer can see it). Line breaks become <br>.", true))
        .build());
    blocks.add(input("draft", "Drafting", checkbox(A_DRAFT, "Draft the description for me", form.draft()), true)
        .build());
    blocks.add(input("do_not_email", "Email", checkbox(A_NO_EMAIL, "Do not email the customer", form.doNotEmail()),
        true).hint(plainText("Unticked: the Initial Issue comment and the appointment email the customer.", true))
        .build());
    DatePickerElement.DatePickerElementBuilder due = DatePickerElement.builder().actionId(A_DUE)
        .placeholder(plainText("No due date", true));
    if (form.due() != null) {
      due.initialDate(form.due().toString());
    }
    blocks.add(input(B_DUE, "Due date", due.build(), true).build());
    List<SyncroUser> techs = lists.techs().isEmpty() ? List.of(asker) : lists.techs();
    String tech = form.techId() == null ? Long.toString(asker.id()) : Long.toString(form.techId());
    blocks.add(input("tech", "Assigned technician", select(A_TECH, "Technician",
        techs.stream().map(u -> option(Long.toString(u.id()), u.name())).toList(), tech), false).build());
    blocks.addAll(customerBlocks(form, customer));
    blocks.add(input(B_APPOINTMENT_TYPE, "Appointment type", select(A_APPOINTMENT_TYPE, "No appointment",
        lists.appointmentTypes().stream().map(CreateModal::typeOption).toList(),
        form.appointmentTypeId() == null ? null : Long.toString(form.appointmentTypeId())), true).build());
    blocks.add(input("location", "Location", PlainTextInputElement.builder().actionId(A_LOCATION)
        .initialValue(emptyToNull(form.location())).build(), true)
        .hint(plainText("Empty: the chosen address, for onsite visits.", true)).build());
    blocks.add(input(B_START, "Appointment start", dateTime(A_START, form.start()), true)
        .hint(plainText("Empty: no appointment is made. Shown in your Slack time zone; Syncro gets UTC.", true))
        .build());
    blocks.add(input(B_END, "Appointment end", dateTime(A_END, form.end()), true)
        .hint(plainText("Empty: start + 90 minutes.", true)).build());
    if (customer != null) {
      ExternalSelectElement.ExternalSelectElementBuilder asset = ExternalSelectElement.builder().actionId(A_ASSET)
          .minQueryLength(0).placeholder(plainText("Search this customer's assets", true));
      if (form.asset() != null) {
        asset.initialOption(option(Long.toString(form.asset().id()), form.asset().text()));
      }
      blocks.add(input("asset:" + customer.id().value(), "Asset", asset.build(), true).build());
    }
    return shell(meta.withCustomer(customer == null ? null : customer.id().value()), blocks, true);
  }

  /** The priority block changes id when a suggestion replaces the value, so Slack shows the new one. */
  private static String priorityBlock(CreateForm form) {
    return CreateVocabulary.URGENT.equals(form.priority()) ? "priority:urgent" : "priority";
  }

  private static List<LayoutBlock> customerBlocks(CreateForm form, @Nullable Customer customer) {
    if (customer == null) {
      return List.of(PlanPreview.context("Contact, address and asset: choose the customer first."));
    }
    String suffix = ":" + customer.id().value();
    List<OptionObject> contacts = customer.contacts().stream().limit(100)
        .map(c -> option(Long.toString(c.id()), c.name() + (c.email() == null ? "" : " · " + c.email()))).toList();
    if (contacts.isEmpty()) {
      return List.of(PlanPreview.context(Mrkdwn.escapeAndTruncate(customer.displayName(), 100)
          + " has no contacts in Syncro: no contact or address to choose."));
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(input("contact" + suffix, "Contact", select(A_CONTACT, "No contact", contacts,
        form.contactId() == null ? null : Long.toString(form.contactId())), true).build());
    List<OptionObject> addresses = addressOptions(customer.contacts());
    if (!addresses.isEmpty()) {
      blocks.add(input("address" + suffix, "Address", select(A_ADDRESS, "No address", addresses,
          form.addressContactId() == null ? null : Long.toString(form.addressContactId())), true)
          .hint(plainText("From the customer's contacts; used as the appointment's location.", true)).build());
    }
    return blocks;
  }

  /** Returns one option per distinct contact address; the value is the contact whose address it is. */
  private static List<OptionObject> addressOptions(List<Contact> contacts) {
    Set<String> seen = new LinkedHashSet<>();
    List<OptionObject> out = new ArrayList<>();
    for (Contact c : contacts) {
      String address = address(c);
      if (!address.isEmpty() && seen.add(address) && out.size() < 100) {
        out.add(option(Long.toString(c.id()), address));
      }
    }
    return out;
  }

  /** Returns the contact's address on one line, or "" when it has none. */
  static String address(Contact c) {
    return Stream.of(c.address1(), c.address2(), c.city(), c.state(), c.zip())
        .filter(s -> s != null && !s.isBlank()).map(String::strip).collect(Collectors.joining(", "));
  }

  private static OptionObject typeOption(AppointmentType t) {
    return option(Long.toString(t.id()), t.name());
  }

  private static InputBlock.InputBlockBuilder input(String blockId, String label, BlockElement element,
      boolean optional) {
    return InputBlock.builder().blockId(blockId).label(plainText(label, true)).element(element).optional(optional);
  }

  private static StaticSelectElement select(String actionId, String placeholder, List<OptionObject> options,
      @Nullable String initial) {
    StaticSelectElement.StaticSelectElementBuilder b = StaticSelectElement.builder().actionId(actionId)
        .placeholder(plainText(placeholder, true)).options(options.stream().limit(100).toList());
    options.stream().filter(o -> o.getValue().equals(initial)).findFirst().ifPresent(b::initialOption);
    return b.build();
  }

  private static CheckboxesElement checkbox(String actionId, String text, boolean checked) {
    OptionObject only = option("yes", text);
    CheckboxesElement.CheckboxesElementBuilder b = CheckboxesElement.builder().actionId(actionId)
        .options(List.of(only));
    if (checked) {
      b.initialOptions(List.of(only));
    }
    return b.build();
  }

  private static DatetimePickerElement dateTime(String actionId, @Nullable Instant initial) {
    return DatetimePickerElement.builder().actionId(actionId)
        .initialDateTime(initial == null ? null : Math.toIntExact(initial.getEpochSecond())).build();
  }

  private static List<OptionObject> strings(List<String> values) {
    return values.stream().map(v -> option(v, v)).toList();
  }

  /** An option within Slack's limits: text ≤ 75, value ≤ 150 characters. */
  static OptionObject option(String value, String text) {
    return OptionObject.builder().value(Mrkdwn.truncate(value, 150))
        .text(plainText(Mrkdwn.truncate(text.isBlank() ? value : text, 75), true)).build();
  }

  private static @Nullable String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  private static View shell(Meta meta, List<LayoutBlock> blocks, boolean submit) {
    View.ViewBuilder v = View.builder().type("modal").callbackId(CALLBACK_ID).privateMetadata(meta.toJson())
        .title(ViewTitle.builder().type("plain_text").text("New Syncro ticket").build())
        .close(ViewClose.builder().type("plain_text").text(submit ? "Cancel" : "Close").build())
        .blocks(blocks);
    if (submit) {
      v.submit(ViewSubmit.builder().type("plain_text").text("Preview").build());
    }
    return v.build();
  }
}
