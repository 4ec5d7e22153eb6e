package com.syncrobot.app;

import static com.syncrobot.playground.slack.SlackSimulator.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.notify.EventKind;
import com.syncrobot.notify.Subscription;
import com.syncrobot.notify.SubscriptionStore;
import com.syncrobot.playground.slack.BotAck;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.store.Database;
import com.syncrobot.testkit.BotRig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /syncro subscribe|subscriptions|unsubscribe} end to end: the real bot from its environment, the Syncro
 * sandbox (its customers, statuses and priorities) and the Slack simulator (members, shared channels).
 */
final class SubscribeFlowTest {
  static final String ALICE = "U0ALICE";
  static final String BOB = "U0BOB";
  static final String OPS = "C0OPS";
  static final String CONNECT = "C0CONNECT";
  static final Duration WAIT = Duration.ofSeconds(20);
  private static final Pattern ID = Pattern.compile("ID \\*(\\d+)\\*");

  @TempDir
  Path dir;

  BotRig rig;

  @BeforeEach
  void setUp() throws Exception {
    rig = BotRig.builder().requestsPerMinute(6000).start(dir);
    rig.sim.createChannel(OPS, "ops", false, false, List.of(BOB, rig.sim.botUserId()));
    rig.sim.createChannel(CONNECT, "acme-partners", false, true, List.of(ALICE, rig.sim.botUserId()));
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

  List<Subscription> stored() {
    try (Database db = Database.open(rig.dbUrl())) {
      return new SubscriptionStore(db.jdbi(), Clock.systemUTC()).active();
    }
  }

  static long id(String reply) {
    Matcher m = ID.matcher(reply);
    assertThat(m.find()).as(reply).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void subscribeWithACustomerFilter_storedAndSaidInWords_duplicateOnce_listed_removedOnlyByItsCreator()
      throws Exception {
    String added = ask(ALICE, SUPPORT, "subscribe here customer canyon dental group status \"Waiting on Customer\" "
        + "new priority \"1 high\" events new,reply");

    assertThat(added).startsWith("Subscribed <#" + SUPPORT + "> to new tickets and customer replies of Canyon Dental "
        + "Group, with status New or Waiting on Customer and priority 1 High, read with your Syncro access. Posts: "
        + "one thread per ticket.");
    long id = id(added);
    assertThat(stored()).singleElement().satisfies(s -> {
      assertThat(s.id()).isEqualTo(id);
      assertThat(s.channelId()).isEqualTo(SUPPORT);
      assertThat(s.createdBy()).isEqualTo(ALICE);
      assertThat(s.filter().customerName()).isEqualTo("Canyon Dental Group");
      assertThat(s.filter().statuses()).containsExactlyInAnyOrder("New", "Waiting on Customer");
      assertThat(s.filter().priorities()).containsExactly("1 High");
      assertThat(s.filter().events()).isEqualTo(EnumSet.of(EventKind.NEW, EventKind.REPLY));
    });

    String again = ask(ALICE, SUPPORT, "subscribe customer \"Canyon Dental Group\" status New \"waiting on customer\" "
        + "priority \"1 High\" events reply new");
    assertThat(again).startsWith("<#" + SUPPORT + "> is already subscribed to new tickets and customer replies of "
        + "Canyon Dental Group").contains("ID *" + id + "*", "nothing was added");
    assertThat(stored()).hasSize(1);

    String listed = ask(BOB, SUPPORT, "subscriptions");
    assertThat(listed).contains("*1 subscription* in <#" + SUPPORT + ">", "*" + id + "*",
        "new tickets and customer replies of Canyon Dental Group", "read with <@" + ALICE + ">'s Syncro access",
        "not checked yet");

    String refused = ask(BOB, SUPPORT, "unsubscribe " + id);
    assertThat(refused).isEqualTo("Subscription *" + id + "* was set up by <@" + ALICE + ">, and only they or an admin "
        + "of the bot can change or remove it. Ask <@" + ALICE + "> to do it.");
    assertThat(stored()).hasSize(1);
    assertThat(ask(BOB, SUPPORT, "unsubscribe 999")).startsWith("There is no subscription with ID 999;");

    assertThat(ask(ALICE, SUPPORT, "unsubscribe " + id)).startsWith("Unsubscribed <#" + SUPPORT + "> from new tickets "
        + "and customer replies of Canyon Dental Group");
    assertThat(stored()).isEmpty();
    assertThat(ask(ALICE, SUPPORT, "subscriptions")).startsWith("No subscriptions in <#" + SUPPORT + ">.");
  }

  @Test
  void badFiltersAndChannels_eachToldClearly_nothingStored() throws Exception {
    assertThat(ask(ALICE, SUPPORT, "subscribe customer Zebra Zoo")).isEqualTo("Nothing was subscribed: there is no "
        + "customer named “Zebra Zoo” in Syncro. Check the spelling, e.g. with `/syncro customers Zebra Zoo`.");
    assertThat(ask(ALICE, SUPPORT, "subscribe customer al")).startsWith("Nothing was subscribed: ")
        .contains("customers match “al”: ", "Canyon Dental Group", "Give the full name in quotes");
    assertThat(ask(ALICE, SUPPORT, "subscribe status Pending")).startsWith("Nothing was subscribed: `Pending` is not "
        + "a status in your Syncro account; its statuses are New, \"In Progress\", \"Waiting on Customer\"");
    assertThat(ask(ALICE, SUPPORT, "subscribe priority \"9 Someday\"")).startsWith("Nothing was subscribed: `9 "
        + "Someday` is not a priority in your Syncro account; its priorities are \"1 High\"");
    assertThat(ask(ALICE, SUPPORT, "subscribe events new,closed")).isEqualTo("Nothing was subscribed: `closed` is "
        + "not an event I can post; use any of new, reply, status, assigned, resolved (e.g. `events new,reply`).");
    assertThat(ask(ALICE, SUPPORT, "subscribe <#" + OPS + "|ops> events new")).isEqualTo("Nothing was subscribed: you "
        + "are not a member of <#" + OPS + ">, and a subscription there would show its members Syncro data read with "
        + "your token. Join <#" + OPS + "> first, or ask one of its members to do it.");
    assertThat(ask(ALICE, CONNECT, "subscribe")).startsWith("Nothing was subscribed: <#" + CONNECT + "> is shared "
        + "with another organization (Slack Connect)");
    assertThat(stored()).isEmpty();
  }
}
