package com.syncrobot.feature.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.notify.AlertSettings;
import com.syncrobot.notify.QuietHours;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The words of {@code /syncro notify}: each setting, and every bad input answered with an example. */
final class NotifyArgsTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static AlertSettings apply(AlertSettings s, String args) {
    NotifyArgs.Request r = NotifyArgs.parse(args);
    assertThat(r).as(args).isNotInstanceOf(NotifyArgs.Problem.class);
    return NotifyArgs.apply(s, r);
  }

  @Test
  void nothing_shows() {
    assertThat(NotifyArgs.parse("  ")).isInstanceOf(NotifyArgs.Show.class);
  }

  @Test
  void eachSetting_changesOnlyItself() {
    AlertSettings off = AlertSettings.off("U1", BERLIN);
    AlertSettings s = apply(off, "assigned on");
    assertThat(s.assigned()).isTrue();
    s = apply(s, "REPLIES On");
    assertThat(s.replies()).isTrue();
    s = apply(s, "appointments on");
    assertThat(s.appointments()).isTrue();
    assertThat(s.appointmentMinutes()).isEqualTo(30);
    s = apply(s, "appointments on 15");
    assertThat(s.appointmentMinutes()).isEqualTo(15);
    s = apply(s, "prepaid on");
    assertThat(s.prepaid()).isTrue();
    assertThat(s.prepaidHours()).isEqualByComparingTo("2");
    s = apply(s, "prepaid on 1.5");
    assertThat(s.prepaidHours()).isEqualByComparingTo("1.5");
    s = apply(s, "quiet 22:00-07:00");
    assertThat(s.quiet()).isEqualTo(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)));
    assertThat(apply(s, "quiet 9:30 – 17:00").quiet()).isEqualTo(new QuietHours(LocalTime.of(9, 30),
        LocalTime.of(17, 0)));
    assertThat(s).isEqualTo(new AlertSettings("U1", true, true, true, 15, true, new BigDecimal("1.5"),
        new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)), BERLIN));

    AlertSettings allOff = apply(s, "off");
    assertThat(allOff.anyOn()).isFalse();
    // The numbers and quiet hours stay for the next "on".
    assertThat(allOff.appointmentMinutes()).isEqualTo(15);
    assertThat(allOff.quiet()).isNotNull();
    assertThat(apply(s, "quiet off").quiet()).isNull();
    assertThat(apply(s, "replies off").replies()).isFalse();
    assertThat(apply(s, "appointments off").appointments()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "sometimes on|`sometimes` is not an alert I know.|/syncro notify assigned on",
      "assigned|On or off?|`/syncro notify assigned on`",
      "replies maybe|`maybe` is neither on nor off.|`/syncro notify replies on`",
      "replies on now|I did not understand|`/syncro notify replies on`",
      "appointments on 0|`0` is not a number of minutes from 1 to 1440|`/syncro notify appointments on 15`",
      "appointments on 1441|`1441` is not a number of minutes|`/syncro notify appointments on 15`",
      "appointments on soon|`soon` is not a number of minutes|`/syncro notify appointments on 15`",
      "appointments off 15|I did not understand|`/syncro notify appointments on 30`",
      "prepaid on -1|`-1` is not a number of hours above 0|`/syncro notify prepaid on 1.5`",
      "prepaid on 0|`0` is not a number of hours above 0|`/syncro notify prepaid on 1.5`",
      "prepaid on 1.555|`1.555` is not a number of hours|`/syncro notify prepaid on 1.5`",
      "prepaid on lots|`lots` is not a number of hours|`/syncro notify prepaid on 1.5`",
      "quiet|Which hours?|`/syncro notify quiet 22:00-07:00`",
      "quiet tonight|`tonight` is not a time range.|`/syncro notify quiet 22:00-07:00`",
      "quiet 25:00-07:00|has a time that does not exist|`/syncro notify quiet 22:00-07:00`",
      "quiet 22:00-22:00|must start and end at different times|`/syncro notify quiet 22:00-07:00`",
      "off now|takes nothing after it|`/syncro notify replies off`"})
  void badInput_specificMessageWithAnExample(String args, String says, String example) {
    NotifyArgs.Request r = NotifyArgs.parse(args);
    assertThat(r).isInstanceOf(NotifyArgs.Problem.class);
    assertThat(((NotifyArgs.Problem) r).message()).contains(says, example);
  }
}
