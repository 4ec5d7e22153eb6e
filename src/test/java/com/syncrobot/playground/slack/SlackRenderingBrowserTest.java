package com.syncrobot.playground.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.syncrobot.playground.HeadlessChromium;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person reads on the playground page is what Slack would show: emoji short codes as emoji,
 * {@code <!date^…>} in the viewer's own time zone, runs of spaces kept. Read from the page in a real
 * headless Chromium; skipped when Debian's chromium and chromium-driver are not installed.
 */
final class SlackRenderingBrowserTest {
  /** 2026-03-14 15:30:00 UTC: 8:30 AM in Phoenix, 10:30 AM in Chicago (daylight saving time). */
  static final Instant WHEN = Instant.parse("2026-03-14T15:30:00Z");

  @TempDir
  Path profile;

  SimFixture f;
  WebDriver driver;
  WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    HeadlessChromium.unavailable().ifPresent(why -> assumeTrue(false, why));
    f = new SimFixture();
    driver = HeadlessChromium.start(profile, 1280, 860);
    wait = new WebDriverWait(driver, Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (f != null) {
      f.close();
    }
  }

  @Test
  void emojiShortCodesShowAsEmoji_unknownOnesAsTyped() throws Exception {
    post(":lock: Token stored :mag: found :zzz: idle :hourglass_flowing_sand: waiting :white_check_mark: done"
        + " :not_an_emoji:");
    String text = messageText();
    assertThat(text).contains("\uD83D\uDD12 Token stored", "\uD83D\uDD0D found", "\uD83D\uDCA4 idle",
        "\u23F3 waiting", "\u2705 done", ":not_an_emoji:");
    assertThat(text).doesNotContain(":lock:", ":mag:", ":zzz:", ":hourglass_flowing_sand:", ":white_check_mark:");
  }

  @Test
  void dateTokensShowInTheViewersZone() throws Exception {
    long epoch = WHEN.getEpochSecond();
    post("Expires <!date^" + epoch + "^{date_short} at {time}|" + WHEN + "> (num <!date^" + epoch
        + "^{date_num}|x>, long <!date^" + epoch + "^{date_long}|x>)");
    String alice = messageText();
    assertThat(alice).contains("Expires " + local(ZoneId.of("America/Phoenix"), "MMM d, yyyy 'at' h:mm a"),
        "num 2026-03-14", "long Saturday, March 14th, 2026");
    assertThat(alice).doesNotContain(WHEN.toString(), "@date", "<!date");

    new Select(driver.findElement(By.cssSelector("[data-testid=user-switcher]"))).selectByValue("U0BOB");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=message-list]"),
        local(ZoneId.of("America/Chicago"), "h:mm a")));
    assertThat(messageText()).contains("Expires " + local(ZoneId.of("America/Chicago"), "MMM d, yyyy 'at' h:mm a"));
  }

  @Test
  void runsOfSpacesAndLineBreaksAreKept() throws Exception {
    post("#32164   New   Jerry Burger\nsecond line");
    String text = messageText();
    assertThat(text).contains("#32164   New   Jerry Burger\nsecond line");
  }

  void post(String text) throws Exception {
    BrowserSmokeTest.call(() -> f.bot.api().chatPostMessage(x -> x.channel(SlackSimulator.SUPPORT).text(text)
        .blocksAsString("[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":"
            + com.fasterxml.jackson.databind.node.TextNode.valueOf(text) + "}}]")));
    driver.get(f.sim.baseUrl() + "/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=message]")));
  }

  String messageText() {
    WebElement message = driver.findElement(By.cssSelector("[data-testid=message] .msg-body"));
    return message.getText();
  }

  static String local(ZoneId zone, String pattern) {
    return DateTimeFormatter.ofPattern(pattern, Locale.US).format(ZonedDateTime.ofInstant(WHEN, zone));
  }
}
