package com.syncrobot.feature.connect;

import com.syncrobot.slack.blocks.Reply;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The modal in which a technician pastes their own Syncro API token (R11). */
public final class ConnectModal {
  public static final String CALLBACK_ID = "syncro_connect";
  static final String BLOCK_ID = "syncro_token";
  static final String ACTION_ID = "token";
  static final int MAX_TOKEN_CHARS = 200;

  private ConnectModal() {}

  /** Returns the modal; {@code currentlyConnected} (escaped mrkdwn) names the token it would replace. */
  public static View view(@Nullable String currentlyConnected) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Reply.section(
        "Paste *your own* Syncro API token (in Syncro: Admin → API → API Tokens). The bot checks it with Syncro, "
            + "stores it encrypted, and uses it only for your commands, so Syncro records your work as yours."));
    if (currentlyConnected != null) {
      blocks.add(ContextBlock.builder()
          .elements(List.of(MarkdownTextObject.builder()
              .text("You are connected as " + currentlyConnected + ". A new token replaces that one.")
              .build()))
          .build());
    }
    blocks.add(InputBlock.builder()
        .blockId(BLOCK_ID)
        .label(plain("Syncro API token"))
        .element(PlainTextInputElement.builder()
            .actionId(ACTION_ID)
            .maxLength(MAX_TOKEN_CHARS)
            .placeholder(plain("Paste the token here"))
            .build())
        .hint(plain("Never share it in a channel. You can revoke it in Syncro at any time."))
        .build());
    return View.builder()
        .type("modal")
        .callbackId(CALLBACK_ID)
        .title(ViewTitle.builder().type("plain_text").text("Connect Syncro").build())
        .submit(ViewSubmit.builder().type("plain_text").text("Connect").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .blocks(blocks)
        .build();
  }

  private static PlainTextObject plain(String text) {
    return PlainTextObject.builder().text(text).build();
  }
}
