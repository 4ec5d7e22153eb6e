package com.syncrobot.slack.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncrobot.billing.Visibility;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the preview shows besides the plan itself, kept in the plan's {@code previewJson}: the
 * command to run again, who will see the text, each field that will be sent in readable form
 * (plain text, escaped when rendered), and notes such as conversions or warnings.
 *
 * @param rerun the command that made the plan, e.g. "/syncro comment 32203"
 * @param audience who sees the comment, or null when the plan posts none
 * @param billing the money side of a billing plan, or null for plans that bill nothing
 */
public record PreviewData(String rerun, @Nullable Visibility audience, List<Field> fields, List<String> notes,
    @Nullable Billing billing) {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** One labelled value that will be sent. */
  public record Field(String label, String value) {
    public Field {
      Objects.requireNonNull(label, "label == null");
      Objects.requireNonNull(value, "value == null");
    }
  }

  /**
   * What a billing preview shows about money, exactly as it will be sent (R5, R7, R13), and the one-line
   * public summary posted in the channel when it is done.
   *
   * @param line e.g. {@code 0.75 × Labor - Remote Business (1190473) @ 150.00 = 112.50}
   * @param total the line's total, {@code BillingLine.total()}, e.g. {@code 112.50}
   * @param invoiceTotal what the invoice must show: this line plus uninvoiced lines already on the ticket
   * @param checks the review checklist, one "✓ name: detail" or "✗ name: detail" per check
   * @param summary the public summary without the invoice, e.g. "billed 2 h emergency on #32203"
   */
  public record Billing(String line, long productId, String productName, String quantity, String rate, String total,
      String branch, String why, String lineDescription, boolean invoice, String invoiceTotal, List<String> checks,
      List<String> corrections, List<String> uninvoiced, String drafting, String summary) {
    public Billing {
      Objects.requireNonNull(line, "line == null");
      Objects.requireNonNull(total, "total == null");
      Objects.requireNonNull(summary, "summary == null");
      checks = List.copyOf(checks);
      corrections = List.copyOf(corrections);
      uninvoiced = List.copyOf(uninvoiced);
    }
  }

  public PreviewData {
    Objects.requireNonNull(rerun, "rerun == null");
    fields = List.copyOf(fields);
    notes = List.copyOf(notes);
  }

  /** Returns preview data without a billing section. */
  public PreviewData(String rerun, @Nullable Visibility audience, List<Field> fields, List<String> notes) {
    this(rerun, audience, fields, notes, null);
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("preview data not serialisable", e);
    }
  }

  /** Reads the JSON kept on a plan; a plan without it renders with its steps only. */
  public static PreviewData fromJson(@Nullable String json, String fallbackRerun) {
    if (json == null || json.isBlank()) {
      return new PreviewData(fallbackRerun, null, List.of(), List.of());
    }
    try {
      return JSON.readValue(json, PreviewData.class);
    } catch (JsonProcessingException e) {
      return new PreviewData(fallbackRerun, null, List.of(), List.of());
    }
  }
}
