package com.syncrobot.slack.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the create, move and message-shortcut features keep on a plan besides {@link PreviewData}:
 * stored under {@code "x"} in the same previewJson, which PreviewData reads past.
 *
 * @param zone the technician's time zone id, for showing times later
 * @param threadChannel the channel of the Slack message a shortcut started from
 * @param threadTs the thread to post the result in (the message's thread, or the message itself)
 * @param followUp the id of the plan that finishes this one, once one was made
 * @param customerName the customer of a ticket being created
 * @param subject the subject of a ticket being created
 */
public record PlanMemo(
    @Nullable String zone,
    @Nullable String threadChannel,
    @Nullable String threadTs,
    @Nullable String followUp,
    @Nullable String customerName,
    @Nullable String subject) {
  public static final PlanMemo NONE = new PlanMemo(null, null, null, null, null, null);
  private static final String KEY = "x";
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Returns whether the plan came from a message shortcut whose thread gets the result. */
  boolean hasThread() {
    return threadChannel != null && threadTs != null;
  }

  public PlanMemo withFollowUp(String planId) {
    return new PlanMemo(zone, threadChannel, threadTs, Objects.requireNonNull(planId), customerName, subject);
  }

  /** Returns the previewJson holding both {@code data} and these extras. */
  public String json(PreviewData data) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(data.toJson());
      root.set(KEY, JSON.valueToTree(this));
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("preview data not serialisable", e);
    }
  }

  /** Reads the extras of a plan's previewJson; {@link #NONE} when it has none. */
  public static PlanMemo of(@Nullable String previewJson) {
    if (previewJson == null || previewJson.isBlank()) {
      return NONE;
    }
    try {
      JsonNode x = JSON.readTree(previewJson).get(KEY);
      return x == null || !x.isObject() ? NONE : JSON.treeToValue(x, PlanMemo.class);
    } catch (JsonProcessingException e) {
      return NONE;
    }
  }
}
