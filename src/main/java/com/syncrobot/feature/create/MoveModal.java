package com.syncrobot.feature.create;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.syncrobot.slack.blocks.MetadataJson;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.DatetimePickerElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The appointment picked from {@code /syncro move-appointment} (carried in its button's value) and
 * the modal asking its new start and end; the end defaults to keeping the length (R15).
 */
public final class MoveModal {
  static final String CALLBACK_ID = "syncro_move_appointment";
  static final String PICK = "move_appointment_pick";
  static final String B_START = "start";
  static final String B_END = "end";
  static final String A_START = "move_start";
  static final String A_END = "move_end";

  /**
   * The appointment as listed: id, start and end (epoch seconds), its ticket, type, customer and
   * summary for display; fits a button value (≤ 2000 chars) and private_metadata.
   */
  record Choice(long id, long start, @Nullable Long end, @Nullable Long ticketId, @Nullable Long number,
      @Nullable String type, String customer, String summary, @Nullable String zone) {
    Choice {
      customer = Mrkdwn.truncate(Objects.requireNonNull(customer, "customer == null"), 100);
      type = type == null ? null : Mrkdwn.truncate(type, 100);
      summary = Mrkdwn.truncate(Objects.requireNonNull(summary, "summary == null"), 200);
    }

    Instant startAt() {
      return Instant.ofEpochSecond(start);
    }

    @Nullable
    Instant endAt() {
      return end == null ? null : Instant.ofEpochSecond(end);
    }

    /**
     * The technician's time zone when the list was shown (UTC when unknown then): carried in the button, so
     * the form and its checks use it on whichever replica the click or the submission arrives.
     */
    ZoneId zoneId() {
      try {
        return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
      } catch (DateTimeException e) {
        return ZoneOffset.UTC;
      }
    }

    /** The appointment's length; 90 minutes when Syncro gave no end. */
    Duration length() {
      return end == null || end <= start ? CreateForm.DEFAULT_LENGTH : Duration.ofSeconds(end - start);
    }

    String toJson() {
      return MetadataJson.write(this);
    }

    static Optional<Choice> fromJson(@Nullable String json) {
      return json == null || json.length() > 2000 ? Optional.empty() : MetadataJson.read(json, Choice.class);
    }
  }

  /** The modal's private_metadata: the choice and where the preview goes. */
  record Meta(Choice choice, String responseUrl, String channelId) {
    String toJson() {
      return MetadataJson.write(this);
    }

    static Optional<Meta> fromJson(@Nullable String json) {
      return MetadataJson.read(json, Meta.class);
    }
  }

  private MoveModal() {}

  /** Returns one line describing the appointment, e.g. "Onsite · #32203 · Acme Dental". */
  static String describe(Choice c) {
    List<String> parts = new ArrayList<>();
    parts.add(c.type() == null ? "Appointment" : c.type());
    if (c.number() != null) {
      parts.add("#" + c.number());
    }
    parts.add(c.customer());
    return String.join(" · ", parts);
  }

  static View view(Meta meta, ZoneId zone) {
    Choice c = meta.choice();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Reply.section("*" + Mrkdwn.escapeAndTruncate(describe(c), 300) + "*\n"
        + Mrkdwn.escapeAndTruncate(c.summary(), 200) + "\nNow: " + AppointmentTimes.shown(c.startAt(), zone)
        + (c.endAt() == null ? "" : " → " + AppointmentTimes.shown(c.endAt(), zone))
        + "\nYou get a preview (old → new) to confirm before anything is sent to Syncro."));
    blocks.add(InputBlock.builder().blockId(B_START).label(plainText("New start", true))
        .element(DatetimePickerElement.builder().actionId(A_START)
            .initialDateTime(Math.toIntExact(c.start())).build())
        .hint(plainText("In your Slack time zone; Syncro gets UTC.", true)).build());
    blocks.add(InputBlock.builder().blockId(B_END).label(plainText("New end", true)).optional(true)
        .element(DatetimePickerElement.builder().actionId(A_END).build())
        .hint(plainText("Empty: keeps the length (" + AppointmentTimes.duration(c.length()) + ").", true))
        .build());
    return View.builder().type("modal").callbackId(CALLBACK_ID).privateMetadata(meta.toJson())
        .title(ViewTitle.builder().type("plain_text").text("Move appointment").build())
        .submit(ViewSubmit.builder().type("plain_text").text("Preview").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .blocks(blocks)
        .build();
  }
}
