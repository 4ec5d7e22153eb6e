package com.syncrobot.app;

import static com.syncrobot.playground.slack.SlackSimulator.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.playground.sandbox.model.SandboxCustomer;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.sandbox.model.TicketEdit;
import com.syncrobot.playground.slack.BotAck;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.testkit.BotRig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's "done when", through the real bot started from its environment (polling every 10 s), the Syncro
 * sandbox and the Slack simulator: a technician subscribes a channel to one customer, that customer replies on
 * a ticket in Syncro, and the reply arrives as a thread reply under the ticket's first message, once; another
 * customer's reply is not posted; an assignment reaches the technician by direct message.
 */
final class NotificationsFlowTest {
  static final String ALICE = "U0ALICE";
  static final Duration WAIT = Duration.ofSeconds(20);
  /** Two polls and some: the poll interval is 10 s here. */
  static final Duration NOTICE_WAIT = Duration.ofSeconds(45);
  static final Pattern CHECKED = Pattern.compile("checked \\d+ s ago");

  @TempDir
  Path dir;

  BotRig rig;

  @BeforeEach
  void setUp() throws Exception {
    rig = BotRig.builder().requestsPerMinute(6000).env("SYNCRO_BOT_NOTIFY_POLL_SECONDS", "10")
        .env("SYNCRO_BOT_NOTIFY_BATCH_SECONDS", "1").start(dir);
    rig.startBot(Map.of());
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  String ask(String user, String channel, String text) throws InterruptedException {
    Set<String> before = rig.sim.messages(channel).stream().map(SimMessage::ts).collect(Collectors.toSet());
    BotAck ack = rig.sim.runSlashCommand(user, channel, "/syncro " + text);
    assertThat(ack.ok()).as(ack.body()).isTrue();
    return rig.sim.awaitMessage(channel, m -> m.fromBot() && user.equals(m.ephemeralTo())
        && !before.contains(m.ts()), WAIT)
        .orElseThrow(() -> new AssertionError("no reply to " + text)).allText();
  }

  /** Waits until the subscriptions list says Syncro was read for them: the baseline is taken. */
  void awaitChecked() throws InterruptedException {
    long deadline = System.nanoTime() + NOTICE_WAIT.toNanos();
    while (!CHECKED.matcher(ask(ALICE, SUPPORT, "subscriptions")).find()) {
      assertThat(System.nanoTime()).as("the subscription was never checked").isLessThan(deadline);
      Thread.sleep(1000);
    }
  }

  SandboxTicket openTicketOf(long customerId) {
    return rig.sandbox.state().tickets().stream().filter(t -> t.customerId() == customerId)
        .filter(t -> !Set.of("Resolved", "Invoiced", "Closed").contains(t.status())).findFirst().orElseThrow();
  }

  List<SimMessage> botPostsAbout(long number) {
    return rig.sim.messages(SUPPORT).stream().filter(m -> m.fromBot() && m.ephemeralTo() == null)
        .filter(m -> m.allText().contains("#" + number)).toList();
  }

  @Test
  void customerReplies_arriveAsAThreadReplyUnderTheTicket_once_andOtherCustomersStayOut() throws Exception {
    SandboxCustomer canyon = rig.sandbox.state().customers().stream()
        .filter(c -> c.businessName() != null && c.businessName().equals("Canyon Dental Group")).findFirst()
        .orElseThrow();
    SandboxTicket mine = openTicketOf(canyon.id());
    SandboxTicket other = rig.sandbox.state().tickets().stream().filter(t -> t.customerId() != canyon.id())
        .filter(t -> !Set.of("Resolved", "Invoiced", "Closed").contains(t.status())).findFirst().orElseThrow();
    assertThat(ask(ALICE, SUPPORT, "subscribe here customer \"Canyon Dental Group\" events reply"))
        .startsWith("Subscribed <#" + SUPPORT + "> to customer replies of Canyon Dental Group");
    awaitChecked();

    rig.sandbox.customerReply(other.number(), "Any news on this one?");
    rig.sandbox.customerReply(mine.number(), "The scanner still shows error 41.");

    SimMessage reply = rig.sim.awaitMessage(SUPPORT, m -> m.fromBot() && m.isReply()
        && m.allText().contains("error 41"), NOTICE_WAIT)
        .orElseThrow(() -> new AssertionError("no thread reply; the channel reads: " + rig.sim.messages(SUPPORT)
            .stream().map(SimMessage::allText).toList()));
    SimMessage root = rig.sim.messages(SUPPORT).stream().filter(m -> m.ts().equals(reply.threadTs())).findFirst()
        .orElseThrow();
    assertThat(root.allText()).contains("#" + mine.number(), "Canyon Dental Group", "Customer Reply");
    assertThat(root.buttons()).contains("View", "Comment", "Assign to me", "Bill");

    // Two more polls: nothing is posted twice, and the other customer's reply never is.
    Thread.sleep(Duration.ofSeconds(22).toMillis());
    assertThat(rig.sim.thread(SUPPORT, root.ts())).filteredOn(m -> m.allText().contains("error 41")).hasSize(1);
    assertThat(botPostsAbout(other.number())).isEmpty();
    assertThat(ask(ALICE, SUPPORT, "subscriptions")).contains("Canyon Dental Group").containsPattern(CHECKED);
  }

  @Test
  void anAssignmentToMe_reachesMeByDirectMessage() throws Exception {
    assertThat(ask(ALICE, SUPPORT, "notify assigned on")).containsIgnoringCase("assigned");
    long tech = rig.techOf.get(ALICE);
    SandboxTicket t = rig.sandbox.state().tickets().stream()
        .filter(x -> !Set.of("Resolved", "Invoiced", "Closed").contains(x.status()))
        .filter(x -> x.userId() == null || x.userId() != tech).findFirst().orElseThrow();
    String dm = rig.sim.dmChannel(ALICE);
    // The first poll takes the baseline; the assignment after it is a change.
    Thread.sleep(Duration.ofSeconds(12).toMillis());

    rig.sandbox.editTicket(t.number(), new TicketEdit(null, true, tech, null));

    SimMessage alert = rig.sim.awaitMessage(dm, m -> m.fromBot() && m.allText().contains("#" + t.number()),
        NOTICE_WAIT).orElseThrow(
            () -> new AssertionError("no direct message; the DM reads: " + rig.sim.messages(dm)
                .stream().map(SimMessage::allText).toList()));
    assertThat(alert.allText()).containsIgnoringCase("assigned");
    assertThat(alert.buttons()).contains("View", "Assign to me");
  }
}
