package com.syncrobot.feature.create;

import com.syncrobot.slack.blocks.SlackMessageText;
import com.syncrobot.slack.plan.PlanMemo;
import com.syncrobot.slack.plan.PreviewData;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.billing.Visibility;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The create form's checks (R14) and the times it shows and sends. */
final class CreateFormTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final Instant NOW = Instant.parse("2026-03-02T17:00:00Z");
  /** Tuesday 3 March 2026, 18:00 in Los Angeles: already Wednesday in UTC. */
  static final Instant TUESDAY_EVENING = Instant.parse("2026-03-04T02:00:00Z");

  private static CreateForm form(String subject, Instant start, Instant end, LocalDate due, Long type) {
    return new CreateForm(new CreateForm.Choice(77, "Acme Dental"), subject, "Hardware", "2 Normal", "Jams", false,
        true, due, 1735L, null, null, type, "", start, end, null);
  }

  @Test
  void completeForm_noErrors_endDefaultsToStartPlusNinetyMinutes_R14() {
    CreateForm f = form("Printer jams", TUESDAY_EVENING, null, LocalDate.of(2026, 3, 10), 4322L);

    assertThat(f.errors(NOW, LA)).isEmpty();
    assertThat(f.effectiveEnd()).isEqualTo(TUESDAY_EVENING.plus(Duration.ofMinutes(90)));
  }

  @Test
  void badInputs_flaggedOnTheirBlocks() {
    CreateForm f = new CreateForm(null, "x".repeat(256), null, null, "", false, true, LocalDate.of(2026, 3, 1), null,
        null, null, null, "", TUESDAY_EVENING, TUESDAY_EVENING.minusSeconds(60), null);

    Map<String, String> errors = f.errors(NOW, LA);

    assertThat(errors).containsOnlyKeys("customer", "subject", "issue_type", "description", "due_date", "end",
        "appointment_type");
    assertThat(errors.get("subject")).contains("256 characters", "255");
    assertThat(errors.get("end")).contains("Tuesday 3 Mar 2026, 17:59 PST", "must be after the start");
    assertThat(errors.get("due_date")).contains("2026-03-01 is in the past");
  }

  @Test
  void dueDateToday_inTheTechsZone_isNotInThePast() {
    // 17:00 UTC on 2 March is 09:00 on 2 March in Los Angeles, and 3 March already in Tokyo
    assertThat(form("s", null, null, LocalDate.of(2026, 3, 2), null).errors(NOW, LA)).isEmpty();
    assertThat(form("s", null, null, LocalDate.of(2026, 3, 2), null).errors(NOW, ZoneId.of("Asia/Tokyo")))
        .containsKey("due_date");
  }

  @Test
  void startInThePast_orEndWithoutStart_flagged() {
    assertThat(form("s", NOW.minus(Duration.ofHours(1)), null, null, 4322L).errors(NOW, LA)).containsKey("start");
    assertThat(form("s", null, TUESDAY_EVENING, null, null).errors(NOW, LA).get("start")).contains("clear its end");
  }

  @Test
  void credentialInThePublicInitialIssue_flagged_R8() {
    CreateForm f = new CreateForm(new CreateForm.Choice(77, "Acme"), "Reset", "Email", null,
        "New password: hunter2", false, true, null, null, null, null, null, "", null, null, null);

    assertThat(f.errors(NOW, LA).get("description")).contains("visible to the customer", "a password");
  }

  @Test
  void weekday_isTheTechsWeekday_whileSyncroGetsUtc() {
    assertThat(TUESDAY_EVENING.atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);

    assertThat(AppointmentTimes.shown(TUESDAY_EVENING, LA)).isEqualTo("Tuesday 3 Mar 2026, 18:00 PST");
    assertThat(AppointmentTimes.brief(TUESDAY_EVENING, LA)).isEqualTo("Tue 3 Mar 18:00 PST");
    assertThat(AppointmentTimes.utc(TUESDAY_EVENING.plusMillis(999))).isEqualTo("2026-03-04T02:00:00Z");
    assertThat(AppointmentTimes.duration(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
  }

  @Test
  void slackText_becomesPlainText_andCommentHtmlEscapesMarkup_R8() {
    String plain = SlackMessageText.plain("Hi <@U0BOB|bob>, see <https://x.test/a?b=1&amp;c=2|the doc> &lt;now&gt;"
        + " <!here> <#C1|ops> <https://y.test>");

    assertThat(plain).isEqualTo("Hi @bob, see the doc (https://x.test/a?b=1&c=2) <now> @here #ops https://y.test");
    assertThat(SlackMessageText.subject("\n\n  First line here  \nsecond")).isEqualTo("First line here");
    assertThat(SlackMessageText.subject("y".repeat(100))).hasSize(80);
    assertThat(SlackMessageText.html("a <b> & \"c\"\nnext")).isEqualTo("a &lt;b&gt; &amp; &quot;c&quot;<br>next");
  }

  @Test
  void planExtras_ridAlongInThePreviewJson_whichStillReadsAsPreviewData() {
    PreviewData data = new PreviewData("/syncro create", Visibility.PUBLIC,
        List.of(new PreviewData.Field("Subject", "Printer jams")), List.of("note"));
    PlanMemo x = new PlanMemo("America/Los_Angeles", "C1", "1.2", null, "Acme", "Printer jams");

    String json = x.json(data);

    assertThat(PreviewData.fromJson(json, "/x")).isEqualTo(data);
    assertThat(PlanMemo.of(json)).isEqualTo(x);
    assertThat(PlanMemo.of(json).withFollowUp("p2").followUp()).isEqualTo("p2");
    assertThat(PlanMemo.of(data.toJson())).isEqualTo(PlanMemo.NONE);
  }
}
