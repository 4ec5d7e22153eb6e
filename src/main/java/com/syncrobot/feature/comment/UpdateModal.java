package com.syncrobot.feature.comment;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The {@code /syncro update} modal: a status select from the account's list and an optional priority. */
public final class UpdateModal {
  public static final String CALLBACK_ID = "syncro_update";
  static final String STATUS = "status";
  static final String PRIORITY = "priority";

  private UpdateModal() {}

  /** A placeholder shown at once (the trigger_id expires in ~3 s) while the account's statuses load. */
  static View loading(CommentModal.Meta meta) {
    return View.builder().type("modal").callbackId(CALLBACK_ID).privateMetadata(meta.toJson())
        .title(ViewTitle.builder().type("plain_text").text("Update #" + meta.number()).build())
        .close(ViewClose.builder().type("plain_text").text("Close").build())
        .blocks(List.of(Reply.section(":hourglass_flowing_sand: Loading the account's statuses…")))
        .build();
  }

  /** A modal that only says {@code mrkdwn}. */
  static View message(CommentModal.Meta meta, String mrkdwn) {
    return View.builder().type("modal").callbackId(CALLBACK_ID).privateMetadata(meta.toJson())
        .title(ViewTitle.builder().type("plain_text").text("Update #" + meta.number()).build())
        .close(ViewClose.builder().type("plain_text").text("Close").build())
        .blocks(List.of(Reply.section(mrkdwn)))
        .build();
  }

  static View form(CommentModal.Meta meta, List<String> statuses, @Nullable String status, List<String> priorities) {
    List<OptionObject> statusOptions = options(statuses);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Reply.section("Change ticket *#" + meta.number() + "*. Only what you change is sent; you get a preview"
        + " to confirm first."));
    StaticSelectElement.StaticSelectElementBuilder select = StaticSelectElement.builder().actionId(CommentModal.VALUE)
        .placeholder(plainText("Choose a status", true)).options(statusOptions);
    statusOptions.stream().filter(o -> o.getValue().equals(status)).findFirst().ifPresent(select::initialOption);
    blocks.add(InputBlock.builder().blockId(STATUS).label(plainText("Status", true)).element(select.build()).build());
    blocks.add(InputBlock.builder().blockId(PRIORITY).label(plainText("Priority", true)).optional(true)
        .element(StaticSelectElement.builder().actionId(CommentModal.VALUE)
            .placeholder(plainText("Leave unchanged", true)).options(options(priorities)).build())
        .build());
    return View.builder().type("modal").callbackId(CALLBACK_ID).privateMetadata(meta.toJson())
        .title(ViewTitle.builder().type("plain_text").text("Update #" + meta.number()).build())
        .submit(ViewSubmit.builder().type("plain_text").text("Preview").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .blocks(blocks)
        .build();
  }

  private static List<OptionObject> options(List<String> values) {
    return values.stream().limit(100)
        .map(v -> OptionObject.builder().value(Mrkdwn.truncate(v, 150)).text(plainText(Mrkdwn.truncate(v, 75), true))
            .build())
        .toList();
  }
}
