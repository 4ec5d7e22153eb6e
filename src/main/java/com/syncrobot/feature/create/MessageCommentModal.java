package com.syncrobot.feature.create;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.syncrobot.slack.blocks.MetadataJson;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.slack.plan.VisibilityText;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
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
import org.jspecify.annotations.Nullable;

/**
 * The small modal of the "Add to Syncro ticket" message shortcut: the ticket number, who sees the
 * comment (internal note by default) and the message text, editable. The message's place in Slack
 * travels in private_metadata, so the comment can link back to it and the result can be posted in
 * its thread.
 */
public final class MessageCommentModal {
  static final String CALLBACK_ID = "syncro_comment_from_message";
  static final String B_TICKET = "ticket";
  static final String B_AUDIENCE = "audience";
  static final String B_TEXT = "text";
  static final String VALUE = "value";
  static final String SUBJECT = "From Slack";

  /**
   * Where the message is and where the preview goes.
   *
   * @param threadTs the thread to post the result in: the message's thread, or the message itself
   * @param teamDomain the workspace's domain, for a permalink when chat.getPermalink gives none
   */
  record Meta(String responseUrl, String channelId, String messageTs, String threadTs, String teamDomain) {
    Meta {
      Objects.requireNonNull(responseUrl, "responseUrl == null");
      Objects.requireNonNull(channelId, "channelId == null");
      Objects.requireNonNull(messageTs, "messageTs == null");
      Objects.requireNonNull(threadTs, "threadTs == null");
      Objects.requireNonNull(teamDomain, "teamDomain == null");
    }

    /** Slack's permalink shape, for when chat.getPermalink gives none. */
    String fallbackPermalink() {
      return "https://" + (teamDomain.isEmpty() ? "slack" : teamDomain) + ".slack.com/archives/" + channelId + "/p"
          + messageTs.replace(".", "");
    }

    String toJson() {
      return MetadataJson.write(this);
    }

    static Optional<Meta> fromJson(@Nullable String json) {
      return MetadataJson.read(json, Meta.class);
    }
  }

  private MessageCommentModal() {}

  static View view(Meta meta, String text) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Reply.section("Add this Slack message to a Syncro ticket as a comment. A link back to the message is"
        + " added below it, and you get the usual preview to confirm before anything is sent."));
    blocks.add(InputBlock.builder().blockId(B_TICKET).label(plainText("Ticket number", true))
        .element(PlainTextInputElement.builder().actionId(VALUE).placeholder(plainText("32203", true)).build())
        .build());
    List<OptionObject> audiences = new ArrayList<>();
    for (Visibility v : Visibility.values()) {
      audiences.add(OptionObject.builder().value(v.key()).text(plainText(VisibilityText.label(v), true)).build());
    }
    blocks.add(InputBlock.builder().blockId(B_AUDIENCE).label(plainText("Who sees it", true))
        .element(RadioButtonsElement.builder().actionId(VALUE).options(audiences).initialOption(audiences.get(0))
            .build())
        .build());
    blocks.add(InputBlock.builder().blockId(B_TEXT).label(plainText("Comment", true))
        .element(PlainTextInputElement.builder().actionId(VALUE).multiline(true)
            .maxLength(CreateForm.MAX_DESCRIPTION)
            .initialValue(text.isBlank() ? null : Mrkdwn.truncate(text, CreateForm.MAX_DESCRIPTION)).build())
        .build());
    return View.builder().type("modal").callbackId(CALLBACK_ID).privateMetadata(meta.toJson())
        .title(ViewTitle.builder().type("plain_text").text("Add to Syncro ticket").build())
        .submit(ViewSubmit.builder().type("plain_text").text("Preview").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .blocks(blocks)
        .build();
  }
}
