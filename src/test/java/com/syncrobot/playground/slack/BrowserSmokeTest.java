package com.syncrobot.playground.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncrobot.playground.HeadlessChromium;
import com.syncrobot.playground.slack.FakeBot.Answer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}):
 * a slash command and its reply, a modal with a validation error, an update and a close, a
 * button with a confirm dialog. Skipped when the browser is not installed.
 */
final class BrowserSmokeTest {

  static final String HELP_BLOCKS = """
      {"response_type":"ephemeral","text":"Syncro help","blocks":[
       {"type":"header","text":{"type":"plain_text","text":"Syncro bot"}},
       {"type":"section","text":{"type":"mrkdwn","text":"*Ticket* `#32203` _Printer offline_ & <https://acme.syncromsp.com/tickets/9001|open in Syncro>, ask <@U0BOB>"},
        "fields":[{"type":"mrkdwn","text":"*Status*\\nIn Progress"},{"type":"mrkdwn","text":"*Customer*\\nJerry Burger"}],
        "accessory":{"type":"button","action_id":"refresh","text":{"type":"plain_text","text":"Refresh"}}},
       {"type":"context","elements":[{"type":"mrkdwn","text":"Updated 5 min ago · <#C0BILLING>"}]},
       {"type":"divider"},
       {"type":"section","text":{"type":"mrkdwn","text":"```total  $112.50```"}}]}""";
  static final String MODAL = """
      {"type":"modal","callback_id":"bill","title":{"type":"plain_text","text":"Bill #32203"},
       "submit":{"type":"plain_text","text":"Preview"},"close":{"type":"plain_text","text":"Cancel"},
       "blocks":[
        {"type":"input","block_id":"notes","label":{"type":"plain_text","text":"Work notes"},
         "element":{"type":"plain_text_input","action_id":"v","multiline":true}},
        {"type":"input","block_id":"minutes","label":{"type":"plain_text","text":"Minutes"},
         "hint":{"type":"plain_text","text":"In steps of 15"},
         "element":{"type":"number_input","action_id":"v","is_decimal_allowed":false}},
        {"type":"input","block_id":"labour","label":{"type":"plain_text","text":"Labour"},
         "element":{"type":"static_select","action_id":"v","options":[
          {"text":{"type":"plain_text","text":"Remote"},"value":"remote"},
          {"text":{"type":"plain_text","text":"Onsite"},"value":"onsite"}]}},
        {"type":"input","block_id":"flags","optional":true,"label":{"type":"plain_text","text":"Flags"},
         "element":{"type":"checkboxes","action_id":"v","options":[
          {"text":{"type":"plain_text","text":"Emergency"},"value":"emergency"}]}},
        {"type":"input","block_id":"day","label":{"type":"plain_text","text":"Day"},
         "element":{"type":"datepicker","action_id":"v","initial_date":"2024-05-01"}},
        {"type":"input","block_id":"tech","label":{"type":"plain_text","text":"Technician"},
         "element":{"type":"users_select","action_id":"v","initial_user":"U0ALICE"}}]}""";
  static final String PREVIEW = """
      {"response_action":"update","view":{"type":"modal","callback_id":"preview",
       "title":{"type":"plain_text","text":"Preview"},"submit":{"type":"plain_text","text":"Post"},
       "blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*45 min* onsite · total *$112.50*"}}]}}""";
  static final String CONFIRM_MESSAGE = """
      [{"type":"section","text":{"type":"mrkdwn","text":"Ready to bill *#32203* for *$112.50*"}},
       {"type":"actions","block_id":"decide","elements":[
        {"type":"button","action_id":"confirm","style":"primary","value":"p1","text":{"type":"plain_text","text":"Confirm"},
         "confirm":{"title":{"type":"plain_text","text":"Bill it?"},"text":{"type":"mrkdwn","text":"Writes to Syncro."},
          "confirm":{"type":"plain_text","text":"Bill"},"deny":{"type":"plain_text","text":"Not yet"}}},
        {"type":"button","action_id":"cancel","style":"danger","value":"p1","text":{"type":"plain_text","text":"Cancel"}},
        {"type":"static_select","action_id":"labour","placeholder":{"type":"plain_text","text":"Labour"},
         "options":[{"text":{"type":"plain_text","text":"Remote"},"value":"remote"}]}]}]""";

  @TempDir
  Path profile;

  SimFixture f;
  WebDriver driver;
  WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    HeadlessChromium.unavailable().ifPresent(why -> assumeTrue(false, why));
    f = new SimFixture();
    fakeBotLikeSyncro();
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

  /** Answers like the bot: help as an ephemeral ack, bill as a modal, then a message with Confirm. */
  void fakeBotLikeSyncro() {
    f.bot.on("command", in -> {
      String text = in.json().path("text").asText();
      if (text.startsWith("bill")) {
        call(() -> f.bot.api().viewsOpen(x -> x.triggerId(in.json().path("trigger_id").asText()).viewAsString(MODAL)));
        return Answer.ack();
      }
      return Answer.json(HELP_BLOCKS);
    });
    f.bot.on("view_submission", in -> {
      JsonNode values = in.json().path("view").path("state").path("values");
      if (in.json().path("view").path("callback_id").asText().equals("bill")) {
        int minutes = Integer.parseInt(values.path("minutes").path("v").path("value").asText("0"));
        return minutes % 15 != 0
            ? Answer.json("{\"response_action\":\"errors\",\"errors\":{\"minutes\":\"Bill in steps of 15 minutes.\"}}")
            : Answer.json(PREVIEW);
      }
      String user = in.json().path("user").path("id").asText();
      CompletableFuture.runAsync(() -> call(() -> f.bot.api().chatPostMessage(x -> x.channel(SlackSimulator.SUPPORT)
          .text("Ready to bill #32203")
          .blocksAsString(CONFIRM_MESSAGE.replace("Ready to", "<@" + user + "> ready to")))));
      return Answer.ack();
    });
    f.bot.on("block_actions", in -> {
      String action = in.json().path("actions").get(0).path("action_id").asText();
      if (action.equals("confirm")) {
        call(() -> f.bot.slack().send(in.json().path("response_url").asText(),
            "{\"replace_original\":true,\"text\":\"Invoice #1042 created for $112.50 :white_check_mark:\"}"));
      }
      return Answer.ack();
    });
  }

  @Test
  void slashCommandModalAndConfirm_inARealBrowser() throws Exception {
    driver.get(f.sim.baseUrl() + "/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=channel-C0SUPPORT]")));
    assertThat(new Select(driver.findElement(By.cssSelector("[data-testid=user-switcher]")))
        .getFirstSelectedOption().getText()).startsWith("Alice Nguyen");

    type("/syncro help");
    WebElement reply = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("[data-testid=message][data-ephemeral=true]")));
    assertThat(reply.getText()).contains("Syncro bot", "Status", "In Progress", "Only visible to you",
        "open in Syncro", "@Bob Martinez", "#billing", "total  $112.50");
    assertThat(reply.findElement(By.cssSelector("a")).getAttribute("href"))
        .isEqualTo("https://acme.syncromsp.com/tickets/9001");
    assertThat(reply.findElement(By.cssSelector(".msg-body .text b")).getText()).isEqualTo("Ticket");

    type("/syncro bill 32203");
    WebElement modal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=modal]")));
    assertThat(modal.findElement(By.cssSelector("[data-testid=modal-title]")).getText()).isEqualTo("Bill #32203");
    modal.findElement(By.cssSelector("[data-testid=field-notes]")).sendKeys("Replaced the fuser");
    modal.findElement(By.cssSelector("[data-testid=field-minutes]")).sendKeys("50");
    new Select(modal.findElement(By.cssSelector("[data-testid=field-labour]"))).selectByValue("onsite");
    modal.findElement(By.cssSelector("[data-testid=field-flags] input[value=emergency]")).click();
    driver.findElement(By.cssSelector("[data-testid=modal-submit]")).click();
    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("[data-testid=error-minutes]")));
    assertThat(error.getText()).isEqualTo("Bill in steps of 15 minutes.");
    // What was typed survives the error round trip.
    assertThat(driver.findElement(By.cssSelector("[data-testid=field-notes]")).getAttribute("value"))
        .isEqualTo("Replaced the fuser");
    saveScreenshot("playground-modal-error.png");

    WebElement minutes = driver.findElement(By.cssSelector("[data-testid=field-minutes]"));
    minutes.clear();
    minutes.sendKeys("45");
    driver.findElement(By.cssSelector("[data-testid=modal-submit]")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=modal-title]"), "Preview"));
    JsonNode state = f.bot.last("view_submission").json().path("view").path("state").path("values");
    assertThat(state.path("notes").path("v").path("value").asText()).isEqualTo("Replaced the fuser");
    assertThat(state.path("minutes").path("v").path("value").asText()).isEqualTo("45");
    assertThat(state.path("labour").path("v").path("selected_option").path("value").asText()).isEqualTo("onsite");
    assertThat(state.path("flags").path("v").path("selected_options").get(0).path("value").asText())
        .isEqualTo("emergency");
    assertThat(state.path("day").path("v").path("selected_date").asText()).isEqualTo("2024-05-01");
    assertThat(state.path("tech").path("v").path("selected_user").asText()).isEqualTo("U0ALICE");

    driver.findElement(By.cssSelector("[data-testid=modal-submit]")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=modal]")));
    WebElement confirm = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("[data-testid=message] [data-testid=button][data-label=Confirm]")));
    assertThat(confirm.getAttribute("class")).contains("primary");
    saveScreenshot("playground-confirm.png");
    confirm.click();
    WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("[data-testid=confirm-dialog]")));
    assertThat(dialog.getText()).contains("Bill it?", "Writes to Syncro.");
    dialog.findElement(By.cssSelector("[data-testid=confirm-yes]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=message-list]"),
        "Invoice #1042 created"));
    assertThat(f.bot.last("block_actions").json().path("user").path("id").asText()).isEqualTo("U0ALICE");
    assertThat(driver.findElements(By.cssSelector("[data-testid=button][data-label=Confirm]"))).isEmpty();
    saveScreenshot("playground-smoke.png");

    // Bob does not see Alice's ephemeral help, but does see the posted message.
    new Select(driver.findElement(By.cssSelector("[data-testid=user-switcher]"))).selectByValue("U0BOB");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=message-list]"),
        "Invoice #1042"));
    List<WebElement> bobSees = driver.findElements(By.cssSelector("[data-testid=message]"));
    assertThat(bobSees).hasSize(1);
    assertThat(bobSees.get(0).getText()).doesNotContain("Only visible to you");
  }

  static final String ADD_MODAL = """
      {"type":"modal","callback_id":"add_to_ticket","title":{"type":"plain_text","text":"Add to ticket"},
       "submit":{"type":"plain_text","text":"Add"},"private_metadata":"%s",
       "blocks":[{"type":"input","block_id":"ticket","label":{"type":"plain_text","text":"Ticket"},
         "element":{"type":"external_select","action_id":"v","min_query_length":1,
          "placeholder":{"type":"plain_text","text":"Number or subject"}}}]}""";

  @Test
  void shortcutTypeaheadThreadAndHome_inARealBrowser() throws Exception {
    f.bot.on("message_action", in -> {
      String ref = in.json().path("channel").path("id").asText() + "/" + in.json().path("message_ts").asText();
      call(() -> f.bot.api().viewsOpen(x -> x.triggerId(in.json().path("trigger_id").asText())
          .viewAsString(ADD_MODAL.formatted(ref))));
      return Answer.ack();
    });
    f.bot.on("block_suggestion", in -> Answer.json(in.json().path("value").asText().startsWith("32")
        ? "{\"options\":[{\"text\":{\"type\":\"plain_text\",\"text\":\"#32203 Printer offline\"},"
            + "\"value\":\"9001\"}]}"
        : "{\"options\":[]}"));
    f.bot.on("view_submission", in -> {
      String[] ref = in.json().path("view").path("private_metadata").asText().split("/");
      String ticket = in.json().path("view").path("state").path("values").path("ticket").path("v")
          .path("selected_option").path("text").path("text").asText();
      CompletableFuture.runAsync(() -> call(() -> f.bot.api().chatPostMessage(x -> x.channel(ref[0]).threadTs(ref[1])
          .text("Added to " + ticket.split(" ")[0]))));
      return Answer.ack();
    });
    f.bot.on("app_home_opened", in -> {
      call(() -> f.bot.api().viewsPublish(x -> x.userId(in.event().path("user").asText()).viewAsString(
          "{\"type\":\"home\",\"blocks\":[{\"type\":\"header\",\"text\":{\"type\":\"plain_text\","
              + "\"text\":\"Your open tickets\"}},{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\","
              + "\"text\":\"*#32203* Printer offline\"}}]}")));
      return Answer.ack();
    });
    driver.get(f.sim.baseUrl() + "/?user=U0BOB");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=channel-D0BOB]")));
    type("Printer on 3rd floor jammed again");
    WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("[data-testid=message][data-user=U0BOB]")));
    new org.openqa.selenium.interactions.Actions(driver).moveToElement(message).perform();
    message.findElement(By.cssSelector("[data-testid=message-menu]")).click();
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[@data-testid='shortcut' and normalize-space()='Add to Syncro ticket']"))).click();
    WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("[data-testid=modal] [data-testid=field-ticket]")));
    search.sendKeys("322");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=suggestion]"))).click();
    driver.findElement(By.cssSelector("[data-testid=modal-submit]")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=modal]")));
    assertThat(f.bot.last("block_suggestion").json().path("value").asText()).isEqualTo("322");
    assertThat(f.bot.last("message_action").json().path("callback_id").asText()).isEqualTo("syncro_add_to_ticket");

    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=replies]"))).click();
    WebElement thread = wait
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=thread]")));
    wait.until(ExpectedConditions.textToBePresentInElement(thread, "Added to #32203"));
    driver.findElement(By.cssSelector("[data-testid=thread-composer]")).sendKeys("thanks");
    driver.findElement(By.cssSelector("[data-testid=thread-send]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=replies]"),
        "2 replies"));
    saveScreenshot("playground-thread.png");

    driver.findElement(By.cssSelector("[data-testid=channel-D0BOB]")).click();
    driver.findElement(By.cssSelector("[data-testid=tab-home]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=home]"),
        "Your open tickets"));
    assertThat(f.bot.last("app_home_opened").event().path("user").asText()).isEqualTo("U0BOB");
    saveScreenshot("playground-home.png");
  }

  void type(String text) {
    WebElement composer = driver.findElement(By.cssSelector("[data-testid=composer]"));
    composer.sendKeys(text);
    driver.findElement(By.cssSelector("[data-testid=send]")).click();
  }

  void saveScreenshot(String name) throws Exception {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", name);
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }

  interface Call {
    Object run() throws Exception;
  }

  static void call(Call c) {
    try {
      c.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
