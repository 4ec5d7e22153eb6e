package com.syncrobot.feature.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.notify.AlertSettings;
import com.syncrobot.notify.AlertStore;
import com.syncrobot.notify.Announcements;
import com.syncrobot.notify.EventKind;
import com.syncrobot.notify.Target;
import com.syncrobot.notify.TicketEvent;
import com.syncrobot.notify.TicketState;
import com.syncrobot.playground.sandbox.SyncroSandbox;
import com.syncrobot.playground.sandbox.model.Seed;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.TokenCipher;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.syncro.SyncroWrite;
import com.syncrobot.syncro.SyncroWrites;
import com.syncrobot.testkit.Fixtures;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The appointment and prepaid checks against the Syncro sandbox, offering into an outbox of the test's own
 * that records each target and key once, as the store's does.
 */
final class AlertChecksTest {
  static final String PRIYAS_SLACK = "U0PRIYA";
  static final String DANAS_SLACK = "U0DANA";
  static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");

  @TempDir
  Path dir;

  private SyncroSandbox sandbox;
  private Database db;
  private AlertStore alerts;
  private ConnectedUserStore users;
  private SyncroClient syncro;
  private final Outbox outbox = new Outbox();

  /** What was offered, once per target and key. */
  static final class Outbox implements Announcements {
    final List<Offer> offers = new ArrayList<>();
    final Set<String> seen = new HashSet<>();

    record Offer(String target, @Nullable TicketState ticket, TicketEvent event) {}

    @Override
    public synchronized boolean offer(String target, @Nullable TicketState ticket, TicketEvent event) {
      if (!seen.add(target + " " + event.key())) {
        return false;
      }
      offers.add(new Offer(target, ticket, event));
      return true;
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    sandbox = SyncroSandbox.start("127.0.0.1", 0, Clock.systemUTC());
    db = Database.open("jdbc:sqlite:" + dir.resolve("bot.db"));
    alerts = new AlertStore(db.jdbi(), Clock.systemUTC());
    users = new ConnectedUserStore(db, new TokenCipher(Fixtures.newKey()), Clock.systemUTC());
    users.connect(PRIYAS_SLACK, Seed.PRIYA, "Priya", new SyncroToken(sandbox.seedTokens().get(Seed.PRIYA)));
    users.connect(DANAS_SLACK, Seed.DANA, "Dana", new SyncroToken(sandbox.seedTokens().get(Seed.DANA)));
    syncro = SyncroClient.builder().baseUrl(sandbox.baseUrl())
        .budget(new RequestBudget(100_000, Clock.systemUTC(), d -> {})).sleeper(d -> {}).build();
  }

  @AfterEach
  void tearDown() {
    db.close();
    sandbox.stop();
  }

  private SyncroApi as(long tech) {
    return syncro.as(new SyncroToken(sandbox.seedTokens().get(tech)));
  }

  private static AlertSettings appointments(String slackId, int minutes) {
    return new AlertSettings(slackId, false, false, true, minutes, false, BigDecimal.valueOf(2), null, PHOENIX);
  }

  private static AlertSettings prepaid(String slackId, String hours) {
    return new AlertSettings(slackId, false, false, false, 30, true, new BigDecimal(hours), null, PHOENIX);
  }

  /** Creates an appointment for {@code tech} on {@code ticket}, starting at {@code start}; returns its id. */
  private long appointment(long tech, SandboxTicket ticket, Instant start) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("summary", "Swap the imaging switch")
        .put("start_at", start.toString()).put("end_at", start.plus(Duration.ofHours(1)).toString())
        .put("ticket_id", ticket.id()).put("customer_id", ticket.customerId()).put("user_id", tech);
    body.putArray("user_ids").add(tech);
    Long id = as(tech).write(SyncroWrite.post("/appointments", body, "/appointment/id")).id();
    assertThat(id).isNotNull();
    return id;
  }

  private List<Outbox.Offer> offersOf(String prefix) {
    return outbox.offers.stream().filter(o -> o.event().key().startsWith(prefix)).toList();
  }

  private SandboxTicket priyasCanyonTicket() {
    return sandbox.state().tickets().stream().filter(t -> t.customerId() == Seed.CANYON_DENTAL
        && t.userId() != null && t.userId() == Seed.PRIYA && t.status().equals("In Progress")).findFirst()
        .orElseThrow();
  }

  @Test
  void appointment_offeredOncePerStart_movedIsNew_othersNotTheirs() throws Exception {
    alerts.save(appointments(PRIYAS_SLACK, 30));
    alerts.save(appointments(DANAS_SLACK, 30));
    SandboxTicket ticket = priyasCanyonTicket();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    long id = appointment(Seed.PRIYA, ticket, now.plus(Duration.ofMinutes(25)));
    AppointmentCheck check = new AppointmentCheck(alerts, users, syncro);

    check.run(now, outbox);
    check.run(now.plusSeconds(60), outbox);
    // The same start from another process (no memory of its own) is not offered again either.
    new AppointmentCheck(alerts, users, syncro).run(now.plusSeconds(90), outbox);

    List<Outbox.Offer> mine = offersOf("appt:" + id + "@");
    assertThat(mine).singleElement().satisfies(o -> {
      assertThat(o.target()).isEqualTo(Target.user(PRIYAS_SLACK));
      assertThat(o.event().kind()).isEqualTo(EventKind.APPOINTMENT);
      String at = now.plus(Duration.ofMinutes(25)).atZone(PHOENIX).toLocalTime().toString();
      assertThat(o.event().text()).isEqualTo("Appointment “Swap the imaging switch” with Canyon Dental Group starts "
          + "at " + at + " (in 25 minutes)");
      assertThat(o.ticket()).isNotNull();
      assertThat(o.ticket().number()).isEqualTo(ticket.number());
    });

    // Moved 40 minutes later: out of the 30-minute window now, told again once it comes within it.
    as(Seed.PRIYA).write(SyncroWrites.moveAppointment(id, now.plus(Duration.ofMinutes(65)),
        now.plus(Duration.ofMinutes(125))));
    check.run(now.plusSeconds(120), outbox);
    assertThat(offersOf("appt:" + id + "@")).hasSize(1);
    check.run(now.plus(Duration.ofMinutes(40)), outbox);
    assertThat(offersOf("appt:" + id + "@")).hasSize(2).last().satisfies(o -> assertThat(o.event().text())
        .endsWith("(in 25 minutes)"));
  }

  @Test
  void prepaid_belowTheThreshold_oncePerDay_aboveNothing() throws Exception {
    // Canyon Dental has 10 prepaid hours; Priya has two of its open tickets.
    alerts.save(prepaid(PRIYAS_SLACK, "12"));
    alerts.save(prepaid(DANAS_SLACK, "5"));
    Instant now = Instant.now();
    PrepaidCheck check = new PrepaidCheck(alerts, users, syncro);

    check.run(now, outbox);
    check.run(now.plus(Duration.ofMinutes(15)), outbox);
    new PrepaidCheck(alerts, users, syncro).run(now.plus(Duration.ofMinutes(30)), outbox);

    List<String> numbers = sandbox.state().tickets().stream().filter(t -> t.customerId() == Seed.CANYON_DENTAL
        && t.userId() != null && t.userId() == Seed.PRIYA && !t.status().equals("Resolved")
        && !t.status().equals("Invoiced") && !t.status().equals("Closed")).map(t -> "#" + t.number()).sorted()
        .toList();
    String day = now.atZone(PHOENIX).toLocalDate().toString();
    assertThat(offersOf("prepaid:")).singleElement().satisfies(o -> {
      assertThat(o.target()).isEqualTo(Target.user(PRIYAS_SLACK));
      assertThat(o.event().key()).isEqualTo("prepaid:" + Seed.CANYON_DENTAL + "@" + day);
      assertThat(o.event().text()).isEqualTo("Canyon Dental Group has 10 prepaid hours left (your tickets "
          + String.join(", ", numbers) + ")");
    });

    // The next day in Phoenix: told again.
    check.run(now.plus(Duration.ofDays(1)), outbox);
    assertThat(offersOf("prepaid:")).hasSize(2);
  }
}
