package com.syncrobot.feature.create;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.syncrobot.feature.tickets.TicketCommand;
import com.syncrobot.slack.Invocation;
import com.syncrobot.slack.ReadRunner;
import com.syncrobot.slack.SlackZones;
import com.syncrobot.slack.Subcommand;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.slack.blocks.SearchText;
import com.syncrobot.slack.plan.PlanPreview;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.TicketNumber;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /syncro move-appointment <customer words | ticket number>}: lists the upcoming appointments
 * (from the start of the technician's day, in their Slack time zone) with weekday, date, time,
 * type and ticket, each with a Move button (R15).
 */
record MoveAppointmentCommand(ReadRunner reads, CreateVocabulary vocabulary, SlackZones zones, Clock clock)
    implements Subcommand {
  static final String USAGE = "`/syncro move-appointment <customer | ticket number>`";
  static final int MAX_SHOWN = 20;

  @Override
  public String name() {
    return "move-appointment";
  }

  @Override
  public String usage() {
    return USAGE + " – pick an upcoming appointment and give it a new time; preview (old → new), then Confirm";
  }

  @Override
  public Response handle(Invocation call, SlashCommandContext ctx) {
    String notFound = TicketNumber.parse(call.args()).map(TicketCommand::notFound)
        .orElse("Syncro found nothing for that.");
    return reads.search("appointment search", USAGE, call, ctx, notFound, (api, arg) -> list(api, call.userId(), arg));
  }

  private Reply list(SyncroApi api, String userId, String arg) {
    ZoneId zone = zones.zone(userId);
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    Instant from = today.atStartOfDay(zone).toInstant();
    List<AppointmentFinder.Found> found = new AppointmentFinder(api).find(arg, today, from);
    String quoted = SearchText.quoted(arg);
    if (found.isEmpty()) {
      return Reply.of("No upcoming appointments for " + quoted + " from today to " + today.plusDays(
          AppointmentFinder.DAYS) + ".");
    }
    Map<Long, String> types = vocabulary.get(api).appointmentTypes().stream()
        .collect(Collectors.toMap(t -> t.id(), t -> t.name(), (a, b) -> a));
    Function<AppointmentFinder.Found, MoveModal.Choice> choice = f -> new MoveModal.Choice(f.appointment().id(),
        f.appointment().startAt().toEpochSecond(),
        f.appointment().endAt() == null ? null : f.appointment().endAt().toEpochSecond(), f.appointment().ticketId(),
        f.ticket() == null ? null : f.ticket().number().value(),
        f.appointment().appointmentTypeId() == null ? null : types.get(f.appointment().appointmentTypeId()),
        f.customer(), f.appointment().summary(), zone.getId());
    String heading = "*" + found.size() + (found.size() == 1 ? " upcoming appointment* for " : " upcoming appointments*"
        + " for ") + quoted + " (times in " + zone.getId() + ")";
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Reply.section(heading));
    for (AppointmentFinder.Found f : found.subList(0, Math.min(found.size(), MAX_SHOWN))) {
      MoveModal.Choice c = choice.apply(f);
      String line = "*" + AppointmentTimes.shown(c.startAt(), zone) + "* · " + Mrkdwn.escapeAndTruncate(
          MoveModal.describe(c), 300) + "\n" + Mrkdwn.escapeAndTruncate(c.summary(), 200);
      blocks.add(SectionBlock.builder().text(markdownText(line))
          .accessory(PlanPreview.button(MoveModal.PICK, "Move", c.toJson(), null)).build());
    }
    if (found.size() > MAX_SHOWN) {
      blocks.add(PlanPreview.context((found.size() - MAX_SHOWN) + " more not shown; search by ticket number to"
          + " narrow it down."));
    }
    return new Reply(heading, blocks);
  }
}
