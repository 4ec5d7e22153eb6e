package com.syncrobot.feature.comment;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.syncrobot.slack.blocks.MetadataJson;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.slack.plan.VisibilityText;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.RadioButtonsElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import com.syncrobot.billing.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The modal behind {@code /syncro comment} and {@code /syncro close}: subject, body, who sees it
 * (internal note by default) and "Draft it for me". The ticket number and the command's
 * response_url travel in {@code private_metadata}; the ticket is resolved on submission, since the
 * trigger_id does not wait for a Syncro round trip.
 */
public final class CommentModal {
  public static final String CALLBACK_ID = "syncro_write";
  static final String SUBJECT = "subject";
  static final String BODY = "body";
  static final String AUDIENCE = "audience";
  static final String DRAFT = "draft";
  public static final String VALUE = "value";
  static final int MAX_SUBJECT = 255;
  static final int MAX_BODY = 4000;

  /**
   * What the modal is for and where its answer goes; kept in private_metadata (≤ 3000 chars).
   *
   * @param fromClick {@code responseUrl} is a button click's on a message: the preview is told through it, but
   *     the plan never keeps it, since replacing "the original" through it would replace the clicked message
   * @param ticketId the ticket id the form resolved {@code number} to; 0 when the form did not resolve it
   */
  public record Meta(String kind, long number, String responseUrl, String channelId,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean fromClick,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) long ticketId) {
    public Meta {
      Objects.requireNonNull(kind, "kind == null");
      Objects.requireNonNull(responseUrl, "responseUrl == null");
      Objects.requireNonNull(channelId, "channelId == null");
    }

    /** Returns the meta of a modal opened by a command (its response_url may update the preview). */
    public Meta(String kind, long number, String responseUrl, String channelId) {
      this(kind, number, responseUrl, channelId, false);
    }

    public Meta(String kind, long number, String responseUrl, String channelId, boolean fromClick) {
      this(kind, number, responseUrl, channelId, fromClick, 0);
    }

    /**
     * Returns this meta with the ticket id the form resolved {@code number} to (R26), so the submission
     * reads that ticket by id instead of resolving the number again; 0 when not resolved.
     */
    public Meta withTicket(long id) {
      return new Meta(kind, number, responseUrl, channelId, fromClick, id);
    }

    /** Returns the response_url the plan keeps to update its preview in place; empty when there is none. */
    public String planUrl() {
      return fromClick ? "" : responseUrl;
    }

    public String toJson() {
      return MetadataJson.write(this);
    }

    public static Optional<Meta> fromJson(String json) {
      return MetadataJson.read(json, Meta.class);
    }
  }

  private CommentModal() {}

  public static View view(Meta meta, String body) {
    boolean close = "close".equals(meta.kind());
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Reply.section((close ? "Close ticket *#" : "Comment on ticket *#") + meta.number() + "*. "
        + (close ? "The resolution comment is posted, then the status is set to *Resolved*. " : "")
        + "You get a preview to confirm before anything is sent to Syncro."));
    blocks.add(InputBlock.builder().blockId(SUBJECT).label(plainText("Subject", true))
        .element(PlainTextInputElement.builder().actionId(VALUE)
            .initialValue(close ? "Resolution" : "Update").build())
        .build());
    blocks.add(InputBlock.builder().blockId(BODY).label(plainText(close ? "Resolution" : "Comment", true))
        .element(PlainTextInputElement.builder().actionId(VALUE).multiline(true)
            .initialValue(body.isEmpty() ? null : Mrkdwn.truncate(body, MAX_BODY)).build())
        .hint(plainText("Line breaks become <br>. Lists are turned into • lines. Up to " + MAX_BODY
            + " characters.", true))
        .build());
    List<OptionObject> audiences = new ArrayList<>();
    for (Visibility v : Visibility.values()) {
      audiences.add(option(v.key(), VisibilityText.label(v)));
    }
    blocks.add(InputBlock.builder().blockId(AUDIENCE).label(plainText("Who sees it", true))
        .element(RadioButtonsElement.builder().actionId(VALUE).options(audiences).initialOption(audiences.get(0))
            .build())
        .build());
    blocks.add(InputBlock.builder().blockId(DRAFT).label(plainText("Drafting", true)).optional(true)
        .element(CheckboxesElement.builder().actionId(VALUE)
            .options(List.of(option("draft", "Draft it for me"))).build())
        .build());
    return View.builder()
        .type("modal")
        .callbackId(CALLBACK_ID)
        .privateMetadata(meta.toJson())
        .title(ViewTitle.builder().type("plain_text").text((close ? "Close #" : "Comment #") + meta.number()).build())
        .submit(ViewSubmit.builder().type("plain_text").text("Preview").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .blocks(blocks)
        .build();
  }

  private static OptionObject option(String value, String text) {
    return OptionObject.builder().value(value).text(plainText(text, true)).build();
  }
}
