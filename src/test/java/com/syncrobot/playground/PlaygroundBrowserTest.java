package com.syncrobot.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.syncrobot.playground.sandbox.model.SandboxComment;
import com.syncrobot.playground.sandbox.model.SandboxInvoice;
import com.syncrobot.playground.sandbox.model.SandboxLineItem;
import com.syncrobot.playground.sandbox.model.SandboxState;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The newcomer's journeys in a real headless Chromium against the whole playground: the real bot,
 * unchanged, between the Syncro sandbox and the Slack simulator. Outcomes are checked in the
 * sandbox's records, not only on the page. Each journey is skipped, with
 * the reason, when Debian's chromium or chromium-driver is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class PlaygroundBrowserTest {
  static final Set<String> NOT_OPEN = Set.of("Resolved", "Closed", "Invoiced");

  @TempDir
  static Path dir;

  final Set<String> seen = new HashSet<>();
  Playground playground;
  WebDriver driver;
  WebDriverWait wait;

  @BeforeAll
  void start() {
    // Skipped per test (below), so that every journey shows as skipped with the reason.
    if (HeadlessChromium.unavailable().isPresent()) {
      return;
    }
    playground = Playground.start("127.0.0.1", 0, dir.resolve("data"));
    driver = HeadlessChromium.start(dir.resolve("profile"), 1280, 900);
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  @AfterAll
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (playground != null) {
      playground.stop();
    }
  }

  @BeforeEach
  void freshPage() {
    HeadlessChromium.unavailable().ifPresent(why -> assumeTrue(false, why));
    playground.sandbox().faults().clear();
    open(user(0));
    markSeen();
  }

  @Test
  void list_showsEveryOpenTicketOfTheSandbox() throws Exception {
    List<SandboxTicket> open = state().tickets().stream().filter(t -> !NOT_OPEN.contains(t.status())).toList();
    type("/syncro");
    Msg reply = awaitMessageContaining(open.size() + " open tickets");
    assertThat(reply.text()).contains("#" + open.get(0).number(), open.get(0).subject());
    assertThat(reply.ephemeral()).isTrue();
    saveScreenshot("list");
  }

  @Test
  void ticket_showsTheSandboxTicketWithItsComments() throws Exception {
    SandboxTicket t = openTicket(0);
    type("/syncro ticket " + t.number());
    Msg reply = awaitMessageContaining("#" + t.number());
    SandboxComment first = state().commentsOf(t.id()).get(0);
    assertThat(reply.text()).contains(t.subject(), t.status(), first.subject());
    saveScreenshot("ticket");
  }

  @Test
  void comment_modalPreviewConfirm_writesExactlyOneComment_R1_R2() throws Exception {
    SandboxTicket t = openTicket(1);
    int before = comments(t);
    String preview = preview(t, "Swapped the patch cable; link is stable.");
    assertThat(comments(t)).as("nothing is written before Confirm").isEqualTo(before);
    saveScreenshot("comment-preview");
    click(preview, "Confirm");
    awaitDone(preview);
    List<SandboxComment> after = state().commentsOf(t.id());
    assertThat(after).hasSize(before + 1);
    SandboxComment c = after.get(after.size() - 1);
    assertThat(c.body()).isEqualTo("Swapped the patch cable; link is stable.");
    assertThat(c.hidden()).isTrue();
    assertThat(c.tech()).isEqualTo(playground.users().get(0).realName());
    saveScreenshot("comment");
  }

  @Test
  void comment_doubleClickOnConfirm_writesOnce_R2() throws Exception {
    SandboxTicket t = openTicket(2);
    int before = comments(t);
    String preview = preview(t, "Double click test: one comment only.");
    // Two clicks dispatched back to back, before the page can re-render: two signed requests to the bot.
    ((JavascriptExecutor) driver).executeScript("const b = arguments[0]; b.click(); b.click();",
        button(preview, "Confirm"));
    // The outcome reaches the asker even after the extra click used one of response_url's five messages.
    awaitDone(preview);
    // Both clicks reached the bot; give the second one time to write if it were going to.
    Thread.sleep(1000);
    assertThat(comments(t)).isEqualTo(before + 1);
    saveScreenshot("double-click");
  }

  @Test
  void comment_anotherUserCannotSeeOrConfirmThePreview_andTheAskerIsCredited_R1() throws Exception {
    SandboxTicket t = openTicket(3);
    int before = comments(t);
    String preview = preview(t, "Only the asker may confirm this.");
    String asker = user(0);
    switchUser(user(1));
    // Slack shows a preview only to its asker: the other technician has nothing to click.
    wait.until(d -> messages().stream().noneMatch(m -> m.ts().equals(preview)));
    assertThat(driver.findElements(By.cssSelector("[data-testid=button][data-label=Confirm]"))).isEmpty();
    saveScreenshot("other-user");
    assertThat(comments(t)).isEqualTo(before);
    switchUser(asker);
    click(preview, "Confirm");
    awaitDone(preview);
    List<SandboxComment> after = state().commentsOf(t.id());
    assertThat(after).hasSize(before + 1);
    assertThat(after.get(after.size() - 1).tech()).isEqualTo(playground.users().get(0).realName());
  }

  @Test
  void comment_cancel_writesNothing() throws Exception {
    SandboxTicket t = openTicket(4);
    int before = comments(t);
    String preview = preview(t, "This one is cancelled.");
    click(preview, "Cancel");
    awaitMessageContaining("Nothing was sent to Syncro.");
    assertThat(driver.findElements(By.cssSelector("[data-testid=button][data-label=Confirm]"))).isEmpty();
    assertThat(comments(t)).isEqualTo(before);
    saveScreenshot("cancel");
  }

  @Test
  void comment_responseLostAfterCommit_isVerifiedNotResent_R2() throws Exception {
    SandboxTicket t = openTicket(5);
    int before = comments(t);
    String preview = preview(t, "Written once even though the reply was lost.");
    // Through the page's sandbox panel, as a viewer would.
    driver.findElement(By.cssSelector("[data-testid=sb-fault][data-fault=drop_after_commit]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=sb-status]"),
        "drop_after_commit"));
    click(preview, "Confirm");
    // The outcome arrives although this path has more updates than the five messages Slack allows a response_url.
    awaitDone(preview);
    assertThat(comments(t)).isEqualTo(before + 1);
    assertThat(state().commentsOf(t.id()).get(before).body()).isEqualTo("Written once even though the reply was lost.");
    assertThat(playground.sandbox().faults().pendingWrites()).isEmpty();
    saveScreenshot("fault-verified");
  }

  @Test
  void sandboxPanel_newTicketForACustomer_thenTheCustomerReplies() throws Exception {
    int before = state().tickets().size();
    WebElement customer = driver.findElement(By.cssSelector("[data-testid=sb-new-customer]"));
    customer.sendKeys("Kestrel Architecture");
    driver.findElement(By.cssSelector("[data-testid=sb-new-subject]")).sendKeys("Plotter offline");
    WebElement create = driver.findElement(By.cssSelector("[data-testid=sb-new-ticket]"));
    assertThat(create.getText()).isEqualTo("New ticket for Kestrel Architecture");
    create.click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=sb-result]"),
        "created for Kestrel Architecture"));
    assertThat(state().tickets()).hasSize(before + 1);
    SandboxTicket t = state().tickets().get(before);
    assertThat(driver.findElement(By.cssSelector("[data-testid=sb-result]")).getText())
        .isEqualTo("Ticket #" + t.number() + " created for Kestrel Architecture");
    assertThat(t.subject()).isEqualTo("Plotter offline");
    assertThat(t.userId()).isNull();

    driver.findElement(By.cssSelector("[data-testid=sb-reply-number]")).sendKeys(Long.toString(t.number()));
    driver.findElement(By.cssSelector("[data-testid=sb-customer-reply]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=sb-result]"),
        "replied on #" + t.number()));
    assertThat(state().ticket(t.id()).orElseThrow().status()).isEqualTo("Customer Reply");
    assertThat(state().commentsOf(t.id())).hasSize(2).last().satisfies(c -> assertThat(c.userId()).isNull());

    driver.findElement(By.cssSelector("[data-testid=sb-reply-number]")).clear();
    driver.findElement(By.cssSelector("[data-testid=sb-reply-number]")).sendKeys("99");
    driver.findElement(By.cssSelector("[data-testid=sb-customer-reply]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=sb-result]"),
        "Unknown ticket #99: "));
    saveScreenshot("sandbox-activity");
  }

  @Test
  void bill_45MinutesRemote_modalPreviewConfirm_oneCommentOneLineOneInvoiceOf112_50_R4_R9() throws Exception {
    // An open ticket of a customer without a prepaid block and with nothing left to invoice.
    SandboxTicket t = state().tickets().stream()
        .filter(x -> !NOT_OPEN.contains(x.status()))
        .filter(x -> state().prepayHours(x.customerId()).map(h -> h.signum() == 0).orElse(true))
        .filter(x -> state().lineItemsOf(x.id()).stream().allMatch(li -> li.invoiceId() != null))
        .skip(6).findFirst().orElseThrow();
    int commentsBefore = comments(t);
    int linesBefore = state().lineItemsOf(t.id()).size();
    int invoicesBefore = state().invoicesOf(t.id()).size();

    type("/syncro bill " + t.number());
    WebElement minutes = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("[data-testid=modal] [data-testid=field-minutes]")));
    minutes.sendKeys("45");
    new Select(driver.findElement(By.cssSelector("[data-testid=field-labour]"))).selectByValue("remote");
    driver.findElement(By.cssSelector("[data-testid=field-work]")).sendKeys("Reset the VPN profile and tested.");
    saveScreenshot("bill-modal");
    driver.findElement(By.cssSelector("[data-testid=modal-submit]")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=modal]")));
    Msg preview = awaitMessage(m -> m.text().contains("Preview") && m.text().contains("112.50"), "the bill preview");
    assertThat(state().lineItemsOf(t.id())).as("nothing is written before Confirm").hasSize(linesBefore);
    // The five-second read: one sentence with the ticket, the customer, the money in dollars and whose token.
    assertThat(preview.text()).contains("On #" + t.number(), t.subject(), "$150.00 = $112.50",
        "then invoice it for $112.50", "with your Syncro token", "All 10 checks passed");
    markSeen();
    fitsOneLaptopScreen(preview.ts(), "bill-preview");

    click(preview.ts(), "Confirm");
    Msg done = awaitDone(preview.ts());
    SandboxInvoice made = state().invoicesOf(t.id()).get(state().invoicesOf(t.id()).size() - 1);
    // The result names what people know: the invoice's number and total and the ticket's number, no internal ids.
    assertThat(done.text()).contains("Invoice " + made.number(), "Total $112.50", "#" + t.number())
        .doesNotContain("Syncro id");
    // The channel sees who billed.
    awaitMessage(m -> !m.ephemeral() && m.text().contains("@" + playground.users().get(0).realName()
        + " billed 0.75 h remote on #" + t.number() + ", invoice " + made.number() + " $112.50"), "who billed");

    assertThat(comments(t)).isEqualTo(commentsBefore + 1);
    List<SandboxLineItem> lines = state().lineItemsOf(t.id());
    assertThat(lines).hasSize(linesBefore + 1);
    SandboxLineItem line = lines.get(lines.size() - 1);
    assertThat(line.productId()).isEqualTo(1190473L);
    assertThat(line.quantity()).isEqualByComparingTo("0.75");
    assertThat(line.priceRetail()).isEqualByComparingTo("150.00");
    assertThat(line.taxable()).isFalse();
    List<SandboxInvoice> invoices = state().invoicesOf(t.id());
    assertThat(invoices).hasSize(invoicesBefore + 1);
    assertThat(invoices.get(invoices.size() - 1).total()).isEqualByComparingTo("112.50");
    assertThat(state().ticket(t.id()).orElseThrow().status()).isEqualTo("Invoiced");
    saveScreenshot("bill-done");
  }

  @Test
  void digestNow_postsTheDigestInTheChannel() throws Exception {
    type("/syncro digest now");
    awaitMessageContaining("Posted the digest in");
    Msg digest = awaitMessage(m -> !m.ephemeral() && m.text().contains("Syncro"), "the digest");
    assertThat(digest.text()).isNotBlank();
    saveScreenshot("digest");
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** A message as the page shows it now. */
  record Msg(String ts, String text, boolean ephemeral) {}

  /** Opens the comment modal, fills it, submits it and returns the ts of the preview it leads to. */
  String preview(SandboxTicket t, String body) {
    type("/syncro comment " + t.number());
    WebElement modal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=modal]")));
    assertThat(modal.findElement(By.cssSelector("[data-testid=modal-title]")).getText())
        .isEqualTo("Comment #" + t.number());
    modal.findElement(By.cssSelector("[data-testid=field-body]")).sendKeys(body);
    driver.findElement(By.cssSelector("[data-testid=modal-submit]")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=modal]")));
    Msg preview = awaitMessage(m -> m.text().contains("Preview") && m.text().contains(body), "the preview");
    markSeen();
    return preview.ts();
  }

  WebElement button(String ts, String label) {
    By by = By
        .cssSelector("[data-testid=message][data-ts='" + ts + "'] [data-testid=button][data-label=" + label + "]");
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});",
        wait.until(ExpectedConditions.presenceOfElementLocated(by)));
    return wait.until(ExpectedConditions.elementToBeClickable(by));
  }

  /** Clicks a message button, again if the page re-rendered it under the pointer. */
  void click(String ts, String label) {
    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      button(ts, label).click();
      return true;
    });
  }

  void switchUser(String userId) {
    new Select(driver.findElement(By.cssSelector("[data-testid=user-switcher]"))).selectByValue(userId);
    markSeen();
  }

  SandboxState state() {
    return playground.sandbox().state();
  }

  int comments(SandboxTicket t) {
    return state().commentsOf(t.id()).size();
  }

  /** A different open ticket per journey, so journeys do not see each other's previews. */
  SandboxTicket openTicket(int i) {
    return state().tickets().stream().filter(t -> !NOT_OPEN.contains(t.status())).toList().get(i);
  }

  String user(int i) {
    return playground.users().get(i).id();
  }

  void open(String userId) {
    driver.get(playground.pageUrl() + "/?user=" + userId);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=channel-C0SUPPORT]")));
    driver.findElement(By.cssSelector("[data-testid=channel-C0SUPPORT]")).click();
  }

  void type(String text) {
    WebElement composer = driver.findElement(By.cssSelector("[data-testid=composer]"));
    composer.sendKeys(text);
    driver.findElement(By.cssSelector("[data-testid=send]")).click();
  }

  @SuppressWarnings("unchecked")
  List<Msg> messages() {
    List<List<Object>> raw = (List<List<Object>>) ((JavascriptExecutor) driver).executeScript(
        "return Array.from(document.querySelectorAll('[data-testid=message]'))"
            + ".map(m => [m.dataset.ts, m.innerText, m.dataset.ephemeral === 'true']);");
    return raw.stream().map(r -> new Msg((String) r.get(0), (String) r.get(1), (Boolean) r.get(2))).toList();
  }

  /** Waits for a message that is new since {@link #markSeen()} (or changed in place) and matches. */
  Msg awaitMessage(Predicate<Msg> match, String what) {
    return new WebDriverWait(driver, Duration.ofSeconds(15)).withMessage(() -> "no " + what + " among " + messages())
        .until(d -> messages().stream()
            .filter(m -> !seen.contains(m.ts() + "|" + m.text())).filter(match).reduce((a, b) -> b).orElse(null));
  }

  /**
   * Waits for the preview {@code ts} itself to say "Done.": an earlier journey's plan may finish late on
   * a loaded machine, and its "Done." must not be taken for this one's.
   */
  Msg awaitDone(String ts) {
    return awaitMessage(m -> m.ts().equals(ts) && m.text().contains("Done."), "preview " + ts + " saying Done.");
  }

  Msg awaitMessageContaining(String text) {
    return awaitMessage(m -> m.text().contains(text), "message containing '" + text + "'");
  }

  /** Remembers every message as shown now, so later waits only match what the journey does next. */
  void markSeen() {
    seen.clear();
    messages().forEach(m -> seen.add(m.ts() + "|" + m.text()));
  }

  /**
   * Shows the message on a 1366×768 laptop (a 625 px high page once the browser's own bars are taken off) and
   * checks it fits the message pane without scrolling, buttons included; saves the screenshot.
   */
  void fitsOneLaptopScreen(String ts, String journey) throws Exception {
    org.openqa.selenium.Dimension before = driver.manage().window().getSize();
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
    try {
      WebElement message = driver.findElement(By.cssSelector("[data-testid=message][data-ts='" + ts + "']"));
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'});", message);
      Number messageHeight = (Number) ((JavascriptExecutor) driver).executeScript(
          "return arguments[0].getBoundingClientRect().height;", message);
      Number paneHeight = (Number) ((JavascriptExecutor) driver).executeScript(
          "return document.querySelector('[data-testid=message-list]').clientHeight;");
      saveScreenshot(journey);
      assertThat(messageHeight.doubleValue()).as("the preview's height against the message pane's on a laptop")
          .isLessThanOrEqualTo(paneHeight.doubleValue());
      WebElement confirm = button(ts, "Confirm");
      Number bottom = (Number) ((JavascriptExecutor) driver).executeScript(
          "return arguments[0].getBoundingClientRect().bottom;", confirm);
      assertThat(bottom.doubleValue()).as("Confirm is on screen").isLessThanOrEqualTo(
          ((Number) ((JavascriptExecutor) driver).executeScript("return window.innerHeight;")).doubleValue());
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  void saveScreenshot(String journey) throws Exception {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", "playground-" + journey + ".png");
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }
}
