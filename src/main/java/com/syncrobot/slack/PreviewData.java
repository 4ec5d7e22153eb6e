package com.syncrobot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 */
record PreviewData(String rerun, @Nullable Audience audience, List<Field> fields, List<String> notes) {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** One labelled value that will be sent. */
  record Field(String label, String value) {
    Field {
      Objects.requireNonNull(label, "label == null");
      Objects.requireNonNull(value, "value == null");
    }
  }

  PreviewData {
    Objects.requireNonNull(rerun, "rerun == null");
    fields = List.copyOf(fields);
    notes = List.copyOf(notes);
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("preview data not serialisable", e);
    }
  }

  /** Reads the JSON kept on a plan; a plan without it renders with its steps only. */
  static PreviewData fromJson(@Nullable String json, String fallbackRerun) {
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
