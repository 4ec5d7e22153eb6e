package com.syncrobot.feature.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.digest.DigestDays;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

final class DigestArgsTest {
  private static String problem(String args) {
    DigestArgs.Request r = DigestArgs.parse(args);
    assertThat(r).as(args).isInstanceOf(DigestArgs.Problem.class);
    return ((DigestArgs.Problem) r).message();
  }

  @Test
  void add_escapedChannelTimeDaysZone_parsed() {
    assertThat(DigestArgs.parse("add <#C0123ABCD|ops> 08:00 daily Europe/Berlin")).isEqualTo(new DigestArgs.Add(
        new DigestArgs.Channel("C0123ABCD"), LocalTime.of(8, 0), DigestDays.DAILY, ZoneId.of("Europe/Berlin")));
  }

  @Test
  void add_rawIdOrHere_defaultsToWeekdaysAndTheAskersZone() {
    assertThat(DigestArgs.parse("add C0123ABCD 7:05")).isEqualTo(new DigestArgs.Add(
        new DigestArgs.Channel("C0123ABCD"), LocalTime.of(7, 5), DigestDays.WEEKDAYS, null));
    assertThat(DigestArgs.parse("ADD here 17:30 asia/kolkata")).isEqualTo(new DigestArgs.Add(
        DigestArgs.Channel.HERE, LocalTime.of(17, 30), DigestDays.WEEKDAYS, ZoneId.of("Asia/Kolkata")));
    assertThat(DigestArgs.parse("add <#G0ABCDEF> 08:00 America/New_York weekdays")).isInstanceOf(DigestArgs.Add.class);
  }

  @Test
  void add_badTime_saysHowToWriteIt() {
    assertThat(problem("add here 8am")).isEqualTo("`8am` is not a time; use 24-hour HH:mm, e.g. `08:00` or `17:30`.");
    assertThat(problem("add here 25:00"))
        .isEqualTo("`25:00` is not a time of day; hours go from 00 to 23 and minutes from 00 to 59.");
    assertThat(problem("add here 08:60")).startsWith("`08:60` is not a time of day");
    assertThat(problem("add here")).startsWith("At what time? Usage: `/syncro digest add here|C0123ABCD 08:00");
  }

  @Test
  void add_badZone_namesIanaExamples() {
    assertThat(problem("add here 08:00 Mars/Olympus")).isEqualTo("`Mars/Olympus` is not a time zone I know; use an "
        + "IANA name such as `Europe/Berlin`, `America/New_York` or `Asia/Kolkata`.");
    assertThat(problem("add here 08:00 +05:30")).startsWith("`+05:30` is not a time zone I know");
    assertThat(problem("add here 08:00 weekly")).startsWith("`weekly` is not `weekdays`, `daily` or a time zone");
    assertThat(problem("add here 08:00 Europe/Berlin Asia/Kolkata")).startsWith("Give one time zone only");
    assertThat(problem("add here 08:00 daily weekdays")).isEqualTo("Give the days once: `weekdays` or `daily`.");
  }

  @Test
  void add_badChannel_explainsWhatSlackSentAndTheAlternatives() {
    assertThat(problem("add #ops 08:00")).startsWith("Slack sent `#ops` as plain text, not as a channel link")
        .contains("Use `here`");
    assertThat(problem("add ops 08:00")).startsWith("`ops` is not a channel.");
    assertThat(problem("add")).startsWith("Which channel, and at what time?");
    // User text is escaped before it is echoed.
    assertThat(problem("add <!channel> 08:00")).startsWith("`&lt;!channel&gt;` is not a channel.");
  }

  @Test
  void remove_badOrMissingId_saysWhereIdsComeFrom() {
    assertThat(DigestArgs.parse("remove 7")).isEqualTo(new DigestArgs.Remove(7));
    assertThat(problem("remove")).isEqualTo(
        "Which digest? Usage: `/syncro digest remove ID`, with an ID from `/syncro digest list`.");
    assertThat(problem("remove seven")).isEqualTo(
        "`seven` is not a digest ID; IDs are the numbers `/syncro digest list` shows.");
    assertThat(problem("remove 0")).startsWith("`0` is not a digest ID");
    assertThat(problem("remove 7 8")).startsWith("`7 8` is not a digest ID");
  }

  @Test
  void listNowAndUnknown() {
    assertThat(DigestArgs.parse("list")).isEqualTo(new DigestArgs.ListAll());
    assertThat(problem("list all")).isEqualTo("`/syncro digest list` takes no more text.");
    assertThat(DigestArgs.parse("now")).isEqualTo(new DigestArgs.Now(null));
    assertThat(DigestArgs.parse("now <#C0123ABCD|ops>"))
        .isEqualTo(new DigestArgs.Now(new DigestArgs.Channel("C0123ABCD")));
    assertThat(problem("now #ops")).startsWith("Slack sent `#ops` as plain text");
    assertThat(problem("")).startsWith("What should I do with digests? Usage:");
    assertThat(problem("frob")).startsWith("Unknown digest action `frob`. Usage:");
  }
}
