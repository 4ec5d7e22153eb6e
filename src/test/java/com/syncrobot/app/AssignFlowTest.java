package com.syncrobot.app;

import static com.syncrobot.playground.slack.SlackSimulator.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import com.syncrobot.playground.sandbox.WriteFault;
import com.syncrobot.playground.sandbox.model.Seed;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.slack.BotAck;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.playground.slack.SimModal;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.slack.blocks.TicketButtons;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.Dialect;
import com.syncrobot.store.TokenCipher;
import com.syncrobot.syncro.TicketNumber;
import com.syncrobot.testkit.BotRig;
import com.syncrobot.testkit.Fixtures;
import com.syncrobot.testkit.TestStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * "Assign to me" and the ticket buttons of issue 16, end to end: the real bot between the Syncro sandbox and
 * the Slack simulator, on either store. A message carrying {@link TicketButtons} is posted as the bot would
 * post a notification (in a channel's thread, or in the bot's DM with the technician); the technician clicks.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
@Timeout(120)
final class AssignFlowTest {
  static final String ALICE = "U0ALICE";
  static final String BOB = "U0BOB";
  static final String CAROL = "U0CAROL";
  static final Duration WAIT = Duration.ofSeconds(20);
  /** The sandbox's technicians by Syncro user id. */
  static final Map<Long, String> TECHS = Map.of(Seed.DANA, "Dana Whitfield", Seed.MARCO, "Marco Reyes", Seed.PRIYA,
      "Priya Natarajan", Seed.SAM, "Sam Okafor");

  @TempDir
  Path dir;

  private final Dialect dialect;
  private BotRig rig;
  private Slack slack;
  private MethodsClient asBot;

  AssignFlowTest(Dialect dialect) {
    this.dialect = dialect;
  }

  @BeforeEach
  void setUp() throws Exception {
    rig = BotRig.builder().store(TestStores.newStore(dialect, dir)).requestsPerMinute(6000)
        .env(BotConfig.SETTLE_SECONDS, "2").start(dir);
    rig.startBot();
    SlackConfig config = new SlackConfig();
    config.setStatsEnabled(false);
    config.setMethodsEndpointUrlPrefix(rig.sim.apiUrl());
    slack = Slack.getInstance(config);
    asBot = slack.methods(Fixtures.BOT_TOKEN);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (slack != null) {
      slack.close();
    }
    if (rig != null) {
      rig.close();
    }
  }

  // ---- Assign to me ------------------------------------------------------------------------

  @Test
  void assignInAThread_previewOnlyForTheClicker_confirm_ticketIsTheClickers_doneWithNumber_R1() throws Exception {
    SandboxTicket t = ticketOfAnother(ALICE);
    SimMessage parent = notify(SUPPORT, null, "Ticket #" + t.number() + " changed", null);
    SimMessage buttons = notify(SUPPORT, parent.ts(), "Customer replied on #" + t.number(), t.number());

    assertThat(rig.sim.clickButton(ALICE, buttons, "Assign to me").ok()).isTrue();
    SimMessage preview = await(SUPPORT, previewOf(ALICE, t));

    // In the thread, seen by the clicker only, in words: what, who holds it now, whose token.
    assertThat(preview.threadTs()).isEqualTo(parent.ts());
    assertThat(rig.sim.messagesVisibleTo(BOB, SUPPORT)).noneMatch(m -> m.ts().equals(preview.ts()));
    assertThat(preview.allText()).contains("Assign ticket *#" + t.number() + "*", "to you, *Alice Nguyen*.",
        "Now: assigned to " + TECHS.get(t.userId()) + ".", "with your Syncro token");
    assertThat(ticket(t).userId()).as("nothing is sent before Confirm").isEqualTo(t.userId());
    assertThat(puts(t)).isZero();
    assertThat(keptUrl(t)).as("the click's response_url would replace the notification").isNullOrEmpty();

    assertThat(rig.sim.clickButton(ALICE, preview, "Confirm").ok()).isTrue();
    String done = awaitText(SUPPORT, preview.ts(), "Done.");
    assertThat(done).contains("Done.", "#" + t.number(), "assigned to (as Syncro answered):* you");
    assertThat(ticket(t).userId()).isEqualTo(rig.techOf.get(ALICE));
    // A second delivery of the same Confirm changes nothing: the assignment was sent once.
    assertThat(rig.sim.redeliverLastInteraction().ok()).isTrue();
    assertThat(puts(t)).isEqualTo(1);
    // The notification itself is untouched, its buttons still there for the next technician.
    SimMessage after = message(SUPPORT, buttons.ts());
    assertThat(after.edits()).isZero();
    assertThat(after.buttons()).containsExactly("View", "Comment", "Assign to me", "Bill");
  }

  @Test
  void assignPreviewCancelled_nothingChanges() throws Exception {
    SandboxTicket t = ticketOfAnother(ALICE);
    SimMessage buttons = notify(SUPPORT, null, "New ticket #" + t.number(), t.number());

    rig.sim.clickButton(ALICE, buttons, "Assign to me");
    SimMessage preview = await(SUPPORT, previewOf(ALICE, t));
    assertThat(rig.sim.clickButton(ALICE, preview, "Cancel").ok()).isTrue();

    assertThat(awaitText(SUPPORT, preview.ts(), "Cancelled.")).contains("Nothing was sent to Syncro");
    assertThat(ticket(t).userId()).isEqualTo(t.userId());
    assertThat(puts(t)).isZero();
  }

  @Test
  void assignClickRedelivered_onePreview_confirmTwice_assignedOnce_R2() throws Exception {
    SandboxTicket t = ticketOfAnother(ALICE);
    SimMessage buttons = notify(SUPPORT, null, "New ticket #" + t.number(), t.number());

    rig.sim.clickButton(ALICE, buttons, "Assign to me");
    assertThat(rig.sim.redeliverLastInteraction().ok()).isTrue();
    SimMessage preview = await(SUPPORT, previewOf(ALICE, t));
    // Two devices press Confirm at the same time (one may find the button gone already), then Slack
    // delivers the last click once more.
    var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> confirm(ALICE, preview));
    boolean second = confirm(ALICE, preview);
    assertThat(first.get() || second).isTrue();
    assertThat(rig.sim.redeliverLastInteraction().ok()).isTrue();

    awaitText(SUPPORT, preview.ts(), "Done.");
    assertThat(ticket(t).userId()).isEqualTo(rig.techOf.get(ALICE));
    assertThat(puts(t)).isEqualTo(1);
    assertThat(rig.sim.messages(SUPPORT).stream().filter(m -> ALICE.equals(m.ephemeralTo())
        && m.allText().contains("Assign ticket *#" + t.number() + "*"))).as("one preview").hasSize(1);
    assertThat(plans(t)).isEqualTo(1);
  }

  @Test
  void assignWhatIsAlreadyMine_toldNothingToDo_noPlan() throws Exception {
    SandboxTicket t = openTickets().stream().filter(x -> Objects.equals(x.userId(), rig.techOf.get(ALICE)))
        .findFirst().orElseThrow();
    SimMessage buttons = notify(SUPPORT, null, "Ticket #" + t.number(), t.number());

    rig.sim.clickButton(ALICE, buttons, "Assign to me");

    SimMessage told = await(SUPPORT, m -> m.fromBot() && ALICE.equals(m.ephemeralTo())
        && m.allText().contains("already assigned to you"));
    assertThat(told.allText()).contains("#" + t.number(), "nothing to do");
    assertThat(told.buttons()).doesNotContain("Confirm");
    assertThat(plans(t)).isZero();
    assertThat(puts(t)).isZero();
  }

  @Test
  void assignWhoseAnswerIsLostAfterSyncroSavedIt_verifiedByReading_done_R2() throws Exception {
    SandboxTicket t = ticketOfAnother(ALICE);
    SimMessage buttons = notify(SUPPORT, null, "Ticket #" + t.number(), t.number());
    rig.sim.clickButton(ALICE, buttons, "Assign to me");
    SimMessage preview = await(SUPPORT, previewOf(ALICE, t));

    rig.sandbox.faults().nextWrite(WriteFault.DROP_AFTER_COMMIT);
    rig.sim.clickButton(ALICE, preview, "Confirm");

    assertThat(awaitText(SUPPORT, preview.ts(), "Done.")).contains("Done.", "#" + t.number());
    assertThat(ticket(t).userId()).isEqualTo(rig.techOf.get(ALICE));
    assertThat(puts(t)).as("verified by reading, never sent again").isEqualTo(1);
  }

  @Test
  void assignThatNeverReachedSyncro_provenAbsent_sentAgainOnlyWhenAsked_R2() throws Exception {
    SandboxTicket t = ticketOfAnother(ALICE);
    SimMessage buttons = notify(SUPPORT, null, "Ticket #" + t.number(), t.number());
    rig.sim.clickButton(ALICE, buttons, "Assign to me");
    SimMessage preview = await(SUPPORT, previewOf(ALICE, t));

    rig.sandbox.faults().nextWrite(WriteFault.DROP_BEFORE_COMMIT);
    rig.sim.clickButton(ALICE, preview, "Confirm");

    String asked = awaitText(SUPPORT, preview.ts(), "Needs your decision");
    assertThat(asked).contains("Needs your decision").doesNotContain("Done.");
    assertThat(message(SUPPORT, preview.ts()).buttons()).contains("Send it again");
    assertThat(ticket(t).userId()).isEqualTo(t.userId());
    rig.sim.clickButton(ALICE, message(SUPPORT, preview.ts()), "Send it again");
    assertThat(awaitText(SUPPORT, preview.ts(), "Done.")).contains("Done.");
    assertThat(ticket(t).userId()).isEqualTo(rig.techOf.get(ALICE));
  }

  @Test
  void assignResolvedTicket_previewSaysItsStatus_unknownTicket_toldItDoesNotExist() throws Exception {
    SandboxTicket resolved = rig.sandbox.state().tickets().stream().filter(x -> x.status().equals("Resolved")
        && !Objects.equals(x.userId(), rig.techOf.get(ALICE))).findFirst().orElseThrow();
    SimMessage buttons = notify(SUPPORT, null, "Ticket #" + resolved.number(), resolved.number());
    rig.sim.clickButton(ALICE, buttons, "Assign to me");
    SimMessage preview = await(SUPPORT, previewOf(ALICE, resolved));
    assertThat(preview.allText()).contains("#" + resolved.number() + " is Resolved; assigning it does not change"
        + " its status.");

    long unknown = rig.sandbox.state().tickets().stream().mapToLong(SandboxTicket::number).max().orElseThrow() + 1000;
    SimMessage nowhere = notify(SUPPORT, null, "Ticket #" + unknown, unknown);
    rig.sim.clickButton(ALICE, nowhere, "Assign to me");
    await(SUPPORT, m -> m.fromBot() && ALICE.equals(m.ephemeralTo())
        && m.allText().contains("Ticket #" + unknown + " does not exist in Syncro."));
    assertThat(rig.sandbox.requestLog().entries()).noneMatch(e -> e.method().equals("PUT"));
  }

  @Test
  void assignFromTheBotsDm_previewIsAMessageThere_confirm_done() throws Exception {
    SandboxTicket t = ticketOfAnother(ALICE);
    String dm = rig.sim.dmChannel(ALICE);
    SimMessage buttons = notify(ALICE, null, "Assigned to you: #" + t.number(), t.number());
    assertThat(buttons.channel()).isEqualTo(dm);

    rig.sim.clickButton(ALICE, buttons, "Assign to me");
    SimMessage preview = await(dm, m -> m.fromBot() && m.buttons().contains("Confirm")
        && m.allText().contains("#" + t.number()));
    assertThat(preview.isEphemeral()).as("a message of the DM").isFalse();
    rig.sim.clickButton(ALICE, preview, "Confirm");

    assertThat(awaitText(dm, preview.ts(), "Done.")).contains("#" + t.number());
    assertThat(ticket(t).userId()).isEqualTo(rig.techOf.get(ALICE));
    assertThat(message(dm, buttons.ts()).edits()).isZero();
  }

  @Test
  void assignCommand_previewConfirmDone_andOnlyMe() throws Exception {
    SandboxTicket t = ticketOfAnother(BOB);
    BotAck ack = rig.sim.runSlashCommand(BOB, SUPPORT, "/syncro assign " + t.number());
    assertThat(ack.ok()).isTrue();
    SimMessage preview = await(SUPPORT, previewOf(BOB, t));
    assertThat(preview.allText()).contains("to you, *Bob Martinez*.");
    rig.sim.clickButton(BOB, preview, "Confirm");
    assertThat(awaitText(SUPPORT, preview.ts(), "Done.")).contains("#" + t.number());
    assertThat(ticket(t).userId()).isEqualTo(rig.techOf.get(BOB));

    SandboxTicket other = ticketOfAnother(BOB);
    String refused = reply(BOB, "/syncro assign " + other.number() + " @carol");
    assertThat(refused).contains("only to the technician who asks", "nothing was sent",
        "/syncro assign " + other.number());
    assertThat(plans(other)).isZero();
    assertThat(reply(BOB, "/syncro help")).contains("/syncro assign 32203");
  }

  @Test
  void everyButton_notConnected_toldHowToConnect_nothingOpened_R11() throws Exception {
    disconnect(CAROL);
    SandboxTicket t = ticketOfAnother(CAROL);
    SimMessage buttons = notify(SUPPORT, null, "Ticket #" + t.number(), t.number());

    for (String label : List.of("View", "Comment", "Assign to me", "Bill")) {
      assertThat(rig.sim.clickButton(CAROL, buttons, label).ok()).isTrue();
    }

    awaitCount(SUPPORT, m -> m.fromBot() && CAROL.equals(m.ephemeralTo())
        && m.allText().contains("/syncro connect"), 4);
    assertThat(rig.sim.currentModal(CAROL)).isEmpty();
    assertThat(plans(t)).isZero();
  }

  // ---- View, Comment, Bill -----------------------------------------------------------------

  @Test
  void view_inAThreadAndInTheDm_showsTheTicketToTheClickerOnly_R11() throws Exception {
    SandboxTicket t = ticketOfAnother(ALICE);
    SimMessage parent = notify(SUPPORT, null, "Ticket #" + t.number(), null);
    SimMessage inThread = notify(SUPPORT, parent.ts(), "Customer replied", t.number());
    rig.sim.clickButton(ALICE, inThread, "View");
    SimMessage shown = await(SUPPORT, m -> m.fromBot() && ALICE.equals(m.ephemeralTo())
        && m.allText().contains(t.subject()));
    assertThat(shown.threadTs()).isEqualTo(parent.ts());
    assertThat(shown.allText()).contains("#" + t.number());

    String dm = rig.sim.dmChannel(ALICE);
    SimMessage inDm = notify(ALICE, null, "Ticket #" + t.number(), t.number());
    rig.sim.clickButton(ALICE, inDm, "View");
    SimMessage shownInDm = await(dm, m -> m.fromBot() && !m.ts().equals(inDm.ts())
        && m.allText().contains(t.subject()));
    assertThat(shownInDm.isEphemeral()).isFalse();
    assertThat(rig.sandbox.requestLog().entries()).filteredOn(e -> e.techId() != null)
        .allMatch(e -> e.techId().equals(rig.techOf.get(ALICE)), "read with the clicker's token");
  }

  @Test
  void comment_inAChannel_opensTheCommentDialog_previewBesideTheMessage_confirmed() throws Exception {
    SandboxTicket t = ticketOfAnother(ALICE);
    SimMessage parent = notify(SUPPORT, null, "Ticket #" + t.number(), null);
    SimMessage buttons = notify(SUPPORT, parent.ts(), "Customer replied", t.number());

    rig.sim.clickButton(ALICE, buttons, "Comment");
    SimModal modal = rig.sim.awaitModal(ALICE, m -> m.title().equals("Comment #" + t.number()), WAIT)
        .orElseThrow(() -> new AssertionError("no comment dialog"));
    assertThat(modal.callbackId()).isEqualTo("syncro_write");
    String body = "Called the customer back about #" + t.number();
    assertThat(rig.sim.submitModal(ALICE, Map.of("body", body)).ok()).isTrue();
    SimMessage preview = await(SUPPORT, m -> m.fromBot() && ALICE.equals(m.ephemeralTo())
        && m.buttons().contains("Confirm") && m.allText().contains(body));
    assertThat(preview.threadTs()).isEqualTo(parent.ts());
    assertThat(keptUrl(t)).as("the click's response_url would replace the notification").isNullOrEmpty();
    rig.sim.clickButton(ALICE, preview, "Confirm");

    awaitText(SUPPORT, preview.ts(), "Done.");
    assertThat(rig.sandbox.state().commentsOf(t.id())).filteredOn(c -> c.body().contains(body)).hasSize(1);
    assertThat(message(SUPPORT, buttons.ts()).edits()).isZero();
  }

  @Test
  void comment_inTheDm_opensTheCommentDialog_previewInTheDm() throws Exception {
    SandboxTicket t = ticketOfAnother(ALICE);
    String dm = rig.sim.dmChannel(ALICE);
    SimMessage buttons = notify(ALICE, null, "Ticket #" + t.number(), t.number());

    rig.sim.clickButton(ALICE, buttons, "Comment");
    assertThat(rig.sim.awaitModal(ALICE, m -> m.title().equals("Comment #" + t.number()), WAIT)).isPresent();
    String body = "Parts ordered for #" + t.number();
    rig.sim.submitModal(ALICE, Map.of("body", body));
    SimMessage preview = await(dm, m -> m.fromBot() && m.buttons().contains("Confirm") && m.allText().contains(body));
    assertThat(preview.isEphemeral()).isFalse();
    rig.sim.clickButton(ALICE, preview, "Confirm");
    awaitText(dm, preview.ts(), "Done.");
    assertThat(rig.sandbox.state().commentsOf(t.id())).filteredOn(c -> c.body().contains(body)).hasSize(1);
  }

  @Test
  void bill_inAChannelAndInTheDm_opensTheBillingDialogOfThatTicket() throws Exception {
    SandboxTicket t = ticketOfAnother(ALICE);
    SimMessage inChannel = notify(SUPPORT, null, "Ticket #" + t.number(), t.number());
    rig.sim.clickButton(ALICE, inChannel, "Bill");
    SimModal form = rig.sim.awaitModal(ALICE, m -> m.view().toString().contains("\"block_id\":\"minutes\""), WAIT)
        .orElseThrow(() -> new AssertionError("no billing form"));
    assertThat(form.view().toString()).contains("#" + t.number());
    assertThat(rig.sim.submitModal(ALICE, Map.of("minutes", "30", "labour", "remote", "work",
        "Replaced the toner")).ok()).isTrue();
    SimMessage preview = await(SUPPORT, m -> m.fromBot() && ALICE.equals(m.ephemeralTo())
        && m.buttons().contains("Confirm") && m.allText().contains("Bill #" + t.number()));
    assertThat(preview.allText()).contains("Replaced the toner");
    assertThat(keptUrl(t)).as("the click's response_url would replace the notification").isNullOrEmpty();

    SimMessage inDm = notify(ALICE, null, "Ticket #" + t.number(), t.number());
    rig.sim.clickButton(ALICE, inDm, "Bill");
    SimModal again = rig.sim.awaitModal(ALICE, m -> m.view().toString().contains("\"block_id\":\"minutes\""),
        WAIT).orElseThrow(() -> new AssertionError("no billing form from the DM"));
    assertThat(again.view().toString()).contains("#" + t.number());
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** Posts a message as the bot (a notification); with the ticket buttons of {@code number} when given. */
  private SimMessage notify(String channel, @Nullable String threadTs, String text, @Nullable Long number)
      throws Exception {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Reply.section(text));
    if (number != null) {
      blocks.add(TicketButtons.forTicket(new TicketNumber(number)));
    }
    ChatPostMessageResponse r = asBot.chatPostMessage(b -> b.channel(channel).threadTs(threadTs).text(text)
        .blocks(blocks));
    assertThat(r.isOk()).as(String.valueOf(r.getError())).isTrue();
    String where = channel.startsWith("U") ? rig.sim.dmChannel(channel) : channel;
    return message(where, r.getTs());
  }

  /** Clicks Confirm on {@code preview}; false when the message no longer has the button (another click won). */
  private boolean confirm(String user, SimMessage preview) {
    try {
      return rig.sim.clickButton(user, preview, "Confirm").ok();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Predicate<SimMessage> previewOf(String user, SandboxTicket t) {
    return m -> m.fromBot() && user.equals(m.ephemeralTo()) && m.buttons().contains("Confirm")
        && m.allText().contains("Assign ticket *#" + t.number() + "*");
  }

  private List<SandboxTicket> openTickets() {
    return rig.sandbox.state().tickets().stream().filter(x -> Set.of("New", "In Progress").contains(x.status()))
        .sorted((a, b) -> Long.compare(a.number(), b.number())).toList();
  }

  /** An open ticket assigned to a technician other than {@code user}'s. */
  private SandboxTicket ticketOfAnother(String user) {
    Long mine = rig.techOf.get(user);
    return openTickets().stream().filter(x -> x.userId() != null && !x.userId().equals(mine)).findFirst()
        .orElseThrow();
  }

  private SandboxTicket ticket(SandboxTicket t) {
    return rig.sandbox.state().ticket(t.id()).orElseThrow();
  }

  /** How many writes reached the ticket itself (PUT /tickets/{id}). */
  private long puts(SandboxTicket t) {
    return rig.sandbox.requestLog().entries().stream()
        .filter(e -> e.method().equals("PUT") && e.path().equals("/tickets/" + t.id())).count();
  }

  private int plans(SandboxTicket t) throws Exception {
    try (var c = java.sql.DriverManager.getConnection(rig.dbUrl());
        var st = c.prepareStatement("SELECT COUNT(*) FROM plans WHERE ticket_number = ?")) {
      st.setLong(1, t.number());
      try (var rs = st.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** The response_url the ticket's plan keeps to update its preview in place. */
  private @Nullable String keptUrl(SandboxTicket t) throws Exception {
    try (var c = java.sql.DriverManager.getConnection(rig.dbUrl());
        var st = c.prepareStatement("SELECT response_url FROM plans WHERE ticket_number = ?")) {
      st.setLong(1, t.number());
      try (var rs = st.executeQuery()) {
        assertThat(rs.next()).as("a plan for #" + t.number()).isTrue();
        return rs.getString(1);
      }
    }
  }

  private void disconnect(String user) {
    try (Database db = Database.open(rig.dbUrl())) {
      assertThat(new ConnectedUserStore(db, new TokenCipher(Fixtures.newKey()), Clock.systemUTC()).remove(user))
          .isTrue();
    }
  }

  /** Runs a command as {@code user} in the support channel and returns the bot's reply only they see. */
  private String reply(String user, String command) throws InterruptedException {
    Set<String> before = rig.sim.messages(SUPPORT).stream().map(SimMessage::ts).collect(Collectors.toSet());
    assertThat(rig.sim.runSlashCommand(user, SUPPORT, command).ok()).isTrue();
    return await(SUPPORT, m -> m.fromBot() && user.equals(m.ephemeralTo()) && !before.contains(m.ts())).allText();
  }

  private SimMessage message(String channel, String ts) {
    return rig.sim.messages(channel).stream().filter(m -> m.ts().equals(ts)).findFirst()
        .orElseThrow(() -> new AssertionError("no message " + ts + " in " + channel));
  }

  private SimMessage await(String channel, Predicate<SimMessage> match) throws InterruptedException {
    return rig.sim.awaitMessage(channel, match, WAIT).orElseThrow(() -> new AssertionError("no such message in "
        + channel + "; messages: " + rig.sim.messages(channel).stream().map(SimMessage::allText).toList()));
  }

  private void awaitCount(String channel, Predicate<SimMessage> match, int count) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    long seen = rig.sim.version();
    while (rig.sim.messages(channel).stream().filter(match).count() < count && System.nanoTime() < end) {
      seen = rig.sim.awaitChange(seen, Duration.ofMillis(200));
    }
    assertThat(rig.sim.messages(channel).stream().filter(match).count()).isEqualTo(count);
  }

  /** The text of message {@code ts} once it contains {@code expected} (or as it is after the wait). */
  private String awaitText(String channel, String ts, String expected) throws InterruptedException {
    return await(channel, m -> m.ts().equals(ts) && m.allText().contains(expected)).allText();
  }
}
