package com.syncrobot.feature.bill;

import com.syncrobot.feature.comment.CommentModal;
import com.syncrobot.slack.blocks.ViewValues;

import com.slack.api.model.view.ViewState;
import com.syncrobot.billing.LabourType;
import com.syncrobot.billing.Minutes;
import com.syncrobot.billing.Visibility;
import com.syncrobot.text.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The bill modal's fields as typed, and the field errors Slack shows on them before anything is
 * stored or sent (R4: minutes and labour type are required, nothing is guessed).
 */
public record BillFields(String minutes, @Nullable String labour, String work, Visibility visibility, boolean invoice,
    boolean timerOnly, boolean draft) {

  static BillFields of(@Nullable Map<String, Map<String, ViewState.Value>> values) {
    ViewState.Value m = value(values, BillModal.MINUTES);
    ViewState.Value l = value(values, BillModal.LABOUR);
    ViewState.Value w = value(values, BillModal.WORK);
    ViewState.Value v = value(values, BillModal.VISIBILITY);
    ViewState.Value o = value(values, BillModal.OPTIONS);
    ViewState.Value a = value(values, BillModal.ACTION);
    // Nothing chosen cannot come from Slack (the radio starts on "Invoice now"); read it as the default.
    String action = a == null || a.getSelectedOption() == null ? BillModal.INVOICE : a.getSelectedOption().getValue();
    Visibility visibility = Visibility.INTERNAL;
    if (v != null && v.getSelectedOption() != null) {
      try {
        visibility = Visibility.parse(v.getSelectedOption().getValue());
      } catch (IllegalArgumentException e) {
        // an option this bot never offered: the safe reading is the one nobody outside sees
        visibility = Visibility.INTERNAL;
      }
    }
    List<String> chosen = o == null || o.getSelectedOptions() == null ? List.of()
        : o.getSelectedOptions().stream().map(x -> x.getValue()).toList();
    return new BillFields(
        m == null || m.getValue() == null ? "" : m.getValue(),
        l == null || l.getSelectedOption() == null ? null : l.getSelectedOption().getValue(),
        w == null || w.getValue() == null ? "" : w.getValue().strip(),
        visibility,
        BillModal.INVOICE.equals(action),
        BillModal.TIMER_ONLY.equals(action),
        chosen.contains(BillModal.DRAFT));
  }

  /** Returns the errors by input block id; empty when the fields can be billed. */
  Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    try {
      Minutes.parse(minutes);
    } catch (IllegalArgumentException e) {
      errors.put(BillModal.MINUTES, sentence(e.getMessage()));
    }
    try {
      LabourType.parse(labour == null ? "" : labour);
    } catch (IllegalArgumentException e) {
      errors.put(BillModal.LABOUR, sentence(e.getMessage()));
    }
    if (work.isEmpty()) {
      errors.put(BillModal.WORK, "Write what you did: it becomes the resolution comment and the line description.");
    } else if (work.length() > BillModal.MAX_WORK) {
      errors.put(BillModal.WORK, "The notes are " + work.length() + " characters; the limit is " + BillModal.MAX_WORK
          + ". Shorten them.");
    } else {
      // the line description prints on the invoice, so the notes are customer-visible in any case
      Optional<String> secret = Secret.find(work, true).map(Secret::shape);
      secret.ifPresent(s -> errors.put(BillModal.WORK, "These notes become customer-visible text (the invoice line"
          + (visibility.customerVisible() ? " and the comment" : "") + ") and contain " + s + ". Remove it."));
    }
    return errors;
  }

  Minutes parsedMinutes() {
    return Minutes.parse(minutes);
  }

  LabourType labourType() {
    return LabourType.parse(labour == null ? "" : labour);
  }

  private static String sentence(String message) {
    return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
  }

  private static ViewState.@Nullable Value value(@Nullable Map<String, Map<String, ViewState.Value>> values,
      String block) {
    return ViewValues.value(values, block, CommentModal.VALUE);
  }
}
