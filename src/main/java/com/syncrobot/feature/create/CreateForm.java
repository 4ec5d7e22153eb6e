package com.syncrobot.feature.create;

import com.syncrobot.slack.blocks.ViewValues;

import com.slack.api.model.view.ViewState;
import com.syncrobot.text.Secret;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The create modal's fields as they stand (R14): read from a submission or from the view a
 * block action carries, and given back to the modal as initial values when it is rebuilt.
 *
 * @param customer the chosen customer (id, as the option showed it)
 * @param due the due date, a calendar date in the technician's zone
 * @param start the appointment start; none means no appointment
 * @param end the appointment end; none means start + 90 minutes
 */
public record CreateForm(
    @Nullable Choice customer,
    String subject,
    @Nullable String issueType,
    @Nullable String priority,
    String description,
    boolean draft,
    boolean doNotEmail,
    @Nullable LocalDate due,
    @Nullable Long techId,
    @Nullable Long contactId,
    @Nullable Long addressContactId,
    @Nullable Long appointmentTypeId,
    String location,
    @Nullable Instant start,
    @Nullable Instant end,
    @Nullable Choice asset) {

  static final int MAX_SUBJECT = 255;
  /** Slack's plain_text_input holds at most 3000 characters. */
  static final int MAX_DESCRIPTION = 3000;
  static final Duration DEFAULT_LENGTH = Duration.ofMinutes(90);
  /** A start this far in the past still counts as now (the modal was open a while). */
  static final Duration PAST_GRACE = Duration.ofMinutes(5);

  /** An option chosen in a select: its value as an id and the text it showed. */
  record Choice(long id, String text) {
    Choice {
      Objects.requireNonNull(text, "text == null");
    }
  }

  public CreateForm {
    Objects.requireNonNull(subject, "subject == null");
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(location, "location == null");
  }

  /** Returns a fresh form: only subject, description and the assigned tech filled, no email by default. */
  static CreateForm prefill(@Nullable Choice customer, String subject, String description, @Nullable Long techId) {
    return new CreateForm(customer, subject, null, null, description, false, true, null, techId, null, null, null, "",
        null, null, null);
  }

  CreateForm withCustomer(@Nullable Choice c) {
    return new CreateForm(c, subject, issueType, priority, description, draft, doNotEmail, due, techId,
        null, null, appointmentTypeId, location, start, end, null);
  }

  CreateForm withPriority(@Nullable String p) {
    return new CreateForm(customer, subject, issueType, p, description, draft, doNotEmail, due, techId, contactId,
        addressContactId, appointmentTypeId, location, start, end, asset);
  }

  /** Returns the end to send: as given, or start + 90 minutes (R14). */
  @Nullable
  Instant effectiveEnd() {
    if (start == null) {
      return null;
    }
    return end != null ? end : start.plus(DEFAULT_LENGTH);
  }

  /** Reads the fields from a view's state, whatever the block ids (some carry the customer id). */
  static CreateForm read(@Nullable Map<String, Map<String, ViewState.Value>> values) {
    Map<String, ViewState.Value> byAction = new LinkedHashMap<>();
    if (values != null) {
      values.values().forEach(block -> {
        if (block != null) {
          byAction.putAll(block);
        }
      });
    }
    return new CreateForm(
        choice(byAction.get(CreateModal.A_CUSTOMER)),
        ViewValues.text(byAction.get(CreateModal.A_SUBJECT)).strip(),
        ViewValues.selected(byAction.get(CreateModal.A_ISSUE)),
        ViewValues.selected(byAction.get(CreateModal.A_PRIORITY)),
        ViewValues.text(byAction.get(CreateModal.A_DESCRIPTION)).strip(),
        checked(byAction.get(CreateModal.A_DRAFT)),
        checked(byAction.get(CreateModal.A_NO_EMAIL)),
        date(byAction.get(CreateModal.A_DUE)),
        id(ViewValues.selected(byAction.get(CreateModal.A_TECH))),
        id(ViewValues.selected(byAction.get(CreateModal.A_CONTACT))),
        id(ViewValues.selected(byAction.get(CreateModal.A_ADDRESS))),
        id(ViewValues.selected(byAction.get(CreateModal.A_APPOINTMENT_TYPE))),
        ViewValues.text(byAction.get(CreateModal.A_LOCATION)).strip(),
        time(byAction.get(CreateModal.A_START)),
        time(byAction.get(CreateModal.A_END)),
        choice(byAction.get(CreateModal.A_ASSET)));
  }

  /**
   * Returns the field problems by block id, checked inside the submission's ack: customer, subject
   * (required, ≤ 255), issue type, description, a due date not in the past, an appointment start
   * not in the past with its type, and an end after the start.
   */
  Map<String, String> errors(Instant now, ZoneId zone) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (customer == null) {
      errors.put(CreateModal.B_CUSTOMER, "Choose the customer: type at least 2 letters of its name.");
    }
    if (subject.isEmpty()) {
      errors.put(CreateModal.B_SUBJECT, "Give the ticket a subject.");
    } else if (subject.length() > MAX_SUBJECT) {
      errors.put(CreateModal.B_SUBJECT, "The subject is " + subject.length() + " characters; Syncro takes up to "
          + MAX_SUBJECT + ".");
    }
    if (issueType == null) {
      errors.put(CreateModal.B_ISSUE, "Choose an issue type (\"Not determined\" when unclear).");
    }
    if (description.isEmpty()) {
      errors.put(CreateModal.B_DESCRIPTION, "Describe the issue; it becomes the Initial Issue comment.");
    } else if (description.length() > MAX_DESCRIPTION) {
      errors.put(CreateModal.B_DESCRIPTION, "The description is " + description.length()
          + " characters; the limit is " + MAX_DESCRIPTION + ".");
    } else {
      // The Initial Issue is a public comment (hidden: false): no credentials in it (R8, R11).
      Optional<String> secret = Secret.find(subject + "\n" + description, true).map(Secret::shape);
      secret.ifPresent(s -> errors.put(CreateModal.B_DESCRIPTION, "The Initial Issue comment is visible to the"
          + " customer and this contains " + s + ". Remove it."));
    }
    if (due != null && due.isBefore(LocalDate.ofInstant(now, zone))) {
      errors.put(CreateModal.B_DUE, "The due date " + due + " is in the past.");
    }
    if (start == null) {
      if (end != null) {
        errors.put(CreateModal.B_START, "Give the appointment's start, or clear its end.");
      }
    } else {
      if (start.isBefore(now.minus(PAST_GRACE))) {
        errors.put(CreateModal.B_START, "The start (" + AppointmentTimes.shown(start, zone) + ") is in the past.");
      }
      if (end != null && !end.isAfter(start)) {
        errors.put(CreateModal.B_END, "The end (" + AppointmentTimes.shown(end, zone) + ") must be after the start ("
            + AppointmentTimes.shown(start, zone) + ").");
      }
      if (appointmentTypeId == null) {
        errors.put(CreateModal.B_APPOINTMENT_TYPE, "Choose the appointment type, or clear the start.");
      }
    }
    return errors;
  }

  private static @Nullable Choice choice(ViewState.@Nullable Value v) {
    if (v == null || v.getSelectedOption() == null) {
      return null;
    }
    Long id = id(v.getSelectedOption().getValue());
    String shown = v.getSelectedOption().getText() == null ? "" : v.getSelectedOption().getText().getText();
    return id == null ? null : new Choice(id, shown == null ? "" : shown);
  }

  private static boolean checked(ViewState.@Nullable Value v) {
    List<ViewState.SelectedOption> options = v == null ? null : v.getSelectedOptions();
    return options != null && !options.isEmpty();
  }

  private static @Nullable LocalDate date(ViewState.@Nullable Value v) {
    if (v == null || v.getSelectedDate() == null) {
      return null;
    }
    try {
      return LocalDate.parse(v.getSelectedDate());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static @Nullable Instant time(ViewState.@Nullable Value v) {
    return v == null || v.getSelectedDateTime() == null ? null : Instant.ofEpochSecond(v.getSelectedDateTime());
  }

  static @Nullable Long id(@Nullable String value) {
    if (value == null || value.isBlank() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
      return null;
    }
    long id = Long.parseLong(value);
    return id > 0 ? id : null;
  }
}
