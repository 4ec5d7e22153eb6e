package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.syncrobot.billing.LabourType;
import com.syncrobot.billing.Money;
import com.syncrobot.billing.Rate;
import com.syncrobot.billing.Unit;
import com.syncrobot.digest.Delivery;
import com.syncrobot.digest.DigestDays;
import com.syncrobot.digest.DigestRun;
import com.syncrobot.digest.DigestSchedule;
import com.syncrobot.digest.DigestSlot;
import com.syncrobot.digest.DigestStore;
import com.syncrobot.slack.DeliveryLog;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.store.ConnectedUserSummary;
import com.syncrobot.store.Database;
import com.syncrobot.store.RateStore;
import com.syncrobot.store.StoreLock;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.syncro.SyncroWrite;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.syncro.TicketNumber;
import com.syncrobot.testkit.Clocks;
import com.syncrobot.testkit.TestPostgres;
import com.syncrobot.write.AuditEntry;
import com.syncrobot.write.AuditQuery;
import com.syncrobot.write.Check;
import com.syncrobot.write.DecisionResult;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanExecutor;
import com.syncrobot.write.PlanState;
import com.syncrobot.write.PlanStore;
import com.syncrobot.write.TicketRef;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threeten.extra.MutableClock;

/**
 * `migrate-store`: a SQLite store filled through the bot's own classes is copied to a test PostgreSQL database
 * and read back there with the same classes; every refusal changes nothing.
 */
@WireMockTest
final class MigrateStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
  private static final String TOKEN = "T0123456789abcdef-migrateSECRETmigrateSECRET01234567";
  private static final String OWNER = "U04ABCDEF";
  private static final String COMMENTS = "/api/v1/tickets/9001/comments";
  private static final String COMMENT = "/api/v1/tickets/9001/comment";

  @TempDir
  Path dir;
  private CliRun cli;
  private WireMockRuntimeInfo wm;
  private String sqlite;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    this.wm = wm;
    cli = new CliRun(wm, dir);
    sqlite = cli.env.get(BotConfig.DB_URL);
  }

  /** Everything the bot's classes read from one store. */
  record Contents(List<ConnectedUserSummary> users, Optional<ConnectedUser> owner, List<Plan> plans,
      List<AuditEntry> audit, List<DigestSchedule> schedules, List<Optional<DigestRun>> runs, List<Rate> rates,
      List<Boolean> deliveries) {}

  private Contents read(String url, List<String> planIds) {
    try (Storage storage = Storage.open(config(url), Clocks.at(T0))) {
      PlanStore plans = new PlanStore(storage.db().jdbi());
      DigestStore digests = new DigestStore(storage.db(), Clocks.at(T0));
      List<DigestSchedule> schedules = digests.list();
      DeliveryLog deliveries = new DeliveryLog(storage.db().jdbi(), Clocks.at(T0));
      return new Contents(storage.users().list(), storage.users().find(OWNER),
          planIds.stream().map(id -> plans.find(id).orElseThrow()).toList(), plans.audit(AuditQuery.all()), schedules,
          schedules.stream().map(s -> digests.lastRun(s.id())).toList(), new RateStore(storage.db()).list(),
          List.of(deliveries.seen("view:V1:submission"), deliveries.seen("told:p:DONE:2")));
    }
  }

  private BotConfig config(String url) {
    java.util.Map<String, String> env = new java.util.HashMap<>(cli.env);
    env.put(BotConfig.DB_URL, url);
    return BotConfig.fromEnv(env);
  }

  /**
   * Fills the SQLite store as a bot would: two technicians, a comment plan whose first send was lost, proven
   * absent and sent again (two audit entries), a preview, two digest schedules (the second removed) with a run,
   * a changed rate and two deliveries. Returns the plans' ids.
   */
  private List<String> seedSqlite() {
    MutableClock clock = Clocks.at(T0);
    List<String> ids = new ArrayList<>();
    try (Storage storage = Storage.open(config(sqlite), clock)) {
      storage.users().connect(OWNER, 1735, "Jane Tech", new SyncroToken(TOKEN));
      storage.users().connect("U05OTHER1", 1736, "Joe Tech", new SyncroToken(TOKEN + "-joe"));

      PlanStore plans = new PlanStore(storage.db().jdbi());
      wm.getWireMock().register(post(urlPathEqualTo(COMMENT))
          .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
      wm.getWireMock().register(get(urlPathEqualTo(COMMENTS))
          .willReturn(okJson("{\"comments\":[],\"meta\":{\"total_pages\":1,\"page\":1}}")));
      SyncroClient client = SyncroClient.builder().baseUrl(wm.getHttpBaseUrl() + "/api/v1")
          .readTimeout(Duration.ofSeconds(5)).sleeper(d -> {}).build();
      List<Runnable> scheduled = new ArrayList<>();
      PlanExecutor engine = PlanExecutor.builder().store(plans)
          .apis(u -> Optional.of(client.as(new SyncroToken(TOKEN)))).listener(p -> {})
          .executor(Runnable::run).scheduler((d, task) -> scheduled.add(task)).clock(clock).build();
      var body = JsonNodeFactory.instance.objectNode().put("subject", "Update").put("body", "Rebooted")
          .put("hidden", true).put("do_not_email", true).put("tech", "Jane Tech");
      Plan comment = Plan.builder().kind("comment").owner(OWNER, 1735, "Jane Tech").channel("C1")
          .ticket(new TicketRef(new TicketId(9001), new TicketNumber(32203), "Printer", "Acme"))
          .title("Internal note on #32203")
          .step("Post internal note", SyncroWrite.post("/tickets/9001/comment", body, "/comment/id"),
              new Check.CommentExists(new TicketId(9001), "Update", "Rebooted", List.of()))
          .build(T0, Duration.ofMinutes(30));
      plans.create(comment);
      engine.confirm(comment.id(), OWNER);
      clock.add(PlanExecutor.DEFAULT_SETTLE.plusSeconds(1));
      new ArrayList<>(scheduled).forEach(Runnable::run);
      assertThat(plans.find(comment.id()).orElseThrow().state()).isEqualTo(PlanState.NEEDS_DECISION);
      wm.getWireMock().register(post(urlPathEqualTo(COMMENT)).willReturn(okJson("{\"comment\":{\"id\":5010}}")));
      assertThat(engine.resend(comment.id(), 0, OWNER)).isEqualTo(DecisionResult.ACCEPTED);
      assertThat(plans.find(comment.id()).orElseThrow().state()).isEqualTo(PlanState.DONE);
      ids.add(comment.id());

      Plan preview = Plan.builder().kind("comment").owner("U05OTHER1", 1736, "Joe Tech").channel("C2")
          .title("Internal note on #32204")
          .step("Post internal note", SyncroWrite.post("/tickets/9002/comment", body, "/comment/id"),
              new Check.CommentExists(new TicketId(9002), "Update", "Rebooted", List.of()))
          .build(clock.instant(), Duration.ofMinutes(30));
      plans.create(preview);
      ids.add(preview.id());

      DigestStore digests = new DigestStore(storage.db(), clock);
      DigestSchedule kept = digests.add("C0123ABCD", LocalTime.of(8, 0), DigestDays.WEEKDAYS,
          ZoneId.of("Europe/Berlin"), OWNER);
      DigestSchedule removed = digests.add("C0456EFGH", LocalTime.of(9, 30), DigestDays.DAILY, ZoneId.of("UTC"),
          OWNER);
      assertThat(digests.remove(removed.id())).isTrue();
      LocalDate day = LocalDate.parse("2026-11-26");
      assertThat(digests.claim(kept.id(), new DigestSlot(day, T0), "bot-1")).isTrue();
      digests.finish(kept.id(), day, "bot-1", Delivery.posted("1764144000.000100", "12 open tickets"));

      new RateStore(storage.db()).set(new Rate(LabourType.EMERGENCY, 26184,
          "Labor - Emergency or After Hours Business", Money.parse("275.00"), Unit.HOUR));
      DeliveryLog deliveries = new DeliveryLog(storage.db().jdbi(), clock);
      deliveries.firstTime("view:V1:submission");
      deliveries.firstTime("told:p:DONE:2");
    }
    return ids;
  }

  @Test
  void migrateStore_copiesEveryTable_andTheBotReadsTheSameOnPostgres() {
    List<String> ids = seedSqlite();
    Contents before = read(sqlite, ids);
    String target = TestPostgres.newDatabase();

    int code = cli.run("", "migrate-store", "--to", target);

    assertThat(code).as(cli.err()).isZero();
    assertThat(cli.out()).contains("Copied the SQLite store " + sqlite + " to " + target + " in one transaction")
        .containsPattern("connected_users +2 +2\n")
        .containsPattern("plans +2 +2\n")
        .containsPattern("plan_steps +2 +2\n")
        .containsPattern("plan_step_attempts +1 +1\n")
        .containsPattern("slack_deliveries +2 +2\n")
        .containsPattern("labour_rates +7 +7\n")
        .containsPattern("digest_schedules +1 +1\n")
        .containsPattern("digest_runs +1 +1\n")
        .containsPattern("plan_runners +[0-9]+ +- +not copied: live heartbeats")
        .contains("newest plan created " + T0.plus(PlanExecutor.DEFAULT_SETTLE).plusSeconds(1), "3 step sends")
        .doesNotContain(TOKEN);
    Contents after = read(target, ids);
    assertThat(after).isEqualTo(before);
    assertThat(after.owner().orElseThrow().token().value()).isEqualTo(TOKEN);
    assertThat(after.audit()).hasSize(2);
    assertThat(after.rates()).contains(new Rate(LabourType.EMERGENCY, 26184,
        "Labor - Emergency or After Hours Business", Money.parse("275.00"), Unit.HOUR));
    // Schedule 2 was removed on SQLite: PostgreSQL never hands out its id again.
    try (Database db = Database.open(target)) {
      assertThat(new DigestStore(db, Clocks.at(T0)).add("C0789IJKL", LocalTime.NOON, DigestDays.DAILY,
          ZoneId.of("UTC"), OWNER).id()).isEqualTo(3);
    }
  }

  @Test
  void migrateStore_targetNotEmpty_refusedAndUnchanged() throws Exception {
    seedSqlite();
    String target = TestPostgres.newDatabase();
    try (Database db = Database.open(target)) {
      new DeliveryLog(db.jdbi(), Clocks.at(T0)).firstTime("already-here");
    }

    assertThat(cli.run("", "migrate-store", "--to", target)).isEqualTo(2);

    assertThat(cli.err()).startsWith("syncro-bot: the target database " + target + " is not empty:"
        + " slack_deliveries (1 row).").contains("nothing was changed")
        .contains("Give --to a new empty database (CREATE DATABASE), or drop and recreate this one");
    assertThat(cli.out()).isEmpty();
    assertThat(count(target, "slack_deliveries")).isEqualTo(1);
    assertThat(count(target, "plans")).isZero();
    assertThat(count(target, "connected_users")).isZero();

    // A rate table that is not the one a new database starts with is data as well.
    String changedRates = TestPostgres.newDatabase();
    try (Database db = Database.open(changedRates)) {
      new RateStore(db).set(new Rate(LabourType.REMOTE, 1190473, "Labor - Remote Business", Money.parse("160.00"),
          Unit.HOUR));
    }
    assertThat(cli.run("", "migrate-store", "--to", changedRates)).isEqualTo(2);
    assertThat(cli.err()).contains("is not empty: labour_rates (7 rows, other than those a new database starts with)");
    assertThat(count(changedRates, "plans")).isZero();
  }

  @Test
  void migrateStore_sourceHasATableItDoesNotKnow_refusedBeforeTouchingTheTarget() throws Exception {
    seedSqlite();
    try (Connection c = DriverManager.getConnection(sqlite); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE hand_made (id INTEGER PRIMARY KEY, note TEXT)");
      st.execute("INSERT INTO hand_made (note) VALUES ('a'), ('b')");
    }
    String target = TestPostgres.newDatabase();

    assertThat(cli.run("", "migrate-store", "--to", target)).isEqualTo(2);

    assertThat(cli.err()).contains("the SQLite store has a table migrate-store does not know, so it cannot tell"
        + " whether it must move: hand_made (2 rows). Nothing was copied.");
    assertThat(tables(target)).isZero();
  }

  @Test
  void migrateStore_whileABotServesTheSource_refused() throws Exception {
    seedSqlite();
    String target = TestPostgres.newDatabase();

    try (StoreLock serving = StoreLock.acquire(sqlite, Clocks.at(T0))) {
      assertThat(cli.run("", "migrate-store", "--to", target)).isEqualTo(2);
    }

    assertThat(cli.err()).startsWith("syncro-bot: a bot is serving the SQLite store")
        .contains("another bot process already serves the store " + dir.resolve("bot.db"))
        .contains("Stop every bot on it, then run migrate-store again. Nothing was copied.");
    assertThat(tables(target)).isZero();
    // Once it stopped, the copy goes ahead.
    assertThat(cli.run("", "migrate-store", "--to", target)).as(cli.err()).isZero();
  }

  @Test
  void migrateStore_wrongKindOfDatabase_refusedWithClearMessages() throws Exception {
    seedSqlite();
    String target = TestPostgres.newDatabase();

    assertThat(cli.run("", "migrate-store", "--to", "jdbc:sqlite:" + dir.resolve("other.db"))).isEqualTo(2);
    assertThat(cli.err()).contains("--to must be a PostgreSQL URL, jdbc:postgresql://HOST:5432/DATABASE, not the"
        + " SQLite database jdbc:sqlite:" + dir.resolve("other.db"));
    assertThat(cli.run("", "migrate-store", "--to", "jdbc:mysql://db/x?password=hunter2")).isEqualTo(2);
    assertThat(cli.err()).contains("--to must be a PostgreSQL URL").doesNotContain("hunter2");
    assertThat(dir.resolve("other.db")).doesNotExist();

    cli.env.put(BotConfig.DB_URL, TestPostgres.newDatabase());
    assertThat(cli.run("", "migrate-store", "--to", target)).isEqualTo(2);
    assertThat(cli.err()).contains("migrate-store copies a SQLite store to PostgreSQL, but SYNCRO_BOT_DB_URL is"
        + " jdbc:postgresql:").contains("a PostgreSQL database already");

    cli.env.put(BotConfig.DB_URL, "jdbc:sqlite:" + dir.resolve("nowhere.db"));
    assertThat(cli.run("", "migrate-store", "--to", target)).isEqualTo(2);
    assertThat(cli.err()).startsWith("syncro-bot: no store at " + dir.resolve("nowhere.db"));
    assertThat(dir.resolve("nowhere.db")).doesNotExist();
    assertThat(tables(target)).isZero();
  }

  @Test
  void migrateStore_neverShowsThePassword() {
    seedSqlite();
    cli.env.put(BotConfig.DB_PASSWORD, "s3cret-from-env");
    // The test server trusts every login, so the copy goes ahead with either password.
    String target = TestPostgres.newDatabase() + "&password=s3cret-in-url";

    assertThat(cli.run("", "migrate-store", "--to", target)).as(cli.err()).isZero();
    assertThat(cli.out()).contains("password=***").doesNotContain("s3cret");
    assertThat(cli.err()).doesNotContain("s3cret");

    String refused = target.replace("?user=postgres", "?user=nobody_here");
    assertThat(cli.run("", "migrate-store", "--to", refused)).isEqualTo(1);
    assertThat(cli.err()).contains("cannot open database").contains("Nothing was copied.").doesNotContain("s3cret");
    assertThat(cli.out()).doesNotContain("s3cret");
  }

  @Test
  void migrateStore_copyThatDoesNotMatch_isRolledBack() throws Exception {
    seedSqlite();
    String target = TestPostgres.newDatabase();
    try (Database db = Database.open(target)) {
      // Something on the server changes what arrives: the check after the copy must catch it.
      db.jdbi().useHandle(h -> h.execute("""
          CREATE FUNCTION bump() RETURNS trigger AS $$ BEGIN NEW.attempt := NEW.attempt + 1; RETURN NEW; END $$
          LANGUAGE plpgsql;
          CREATE TRIGGER bump BEFORE INSERT ON plan_steps FOR EACH ROW EXECUTE FUNCTION bump();"""));
    }

    assertThat(cli.run("", "migrate-store", "--to", target)).isEqualTo(1);

    assertThat(cli.err()).contains("the copy does not match the SQLite store: the SQLite store has 3 step sends"
        + " (attempts summed), PostgreSQL 5 step sends").contains("It was rolled back: nothing was changed in");
    assertThat(cli.out()).isEmpty();
    assertThat(count(target, "plans")).isZero();
    assertThat(count(target, "connected_users")).isZero();

    try (Database db = Database.open(target)) {
      db.jdbi().useHandle(h -> h.execute("""
          DROP TRIGGER bump ON plan_steps;
          CREATE FUNCTION lose() RETURNS trigger AS $$ BEGIN DELETE FROM slack_deliveries
            WHERE delivery_key = NEW.delivery_key; RETURN NULL; END $$ LANGUAGE plpgsql;
          CREATE TRIGGER lose AFTER INSERT ON slack_deliveries FOR EACH ROW EXECUTE FUNCTION lose();"""));
    }
    assertThat(cli.run("", "migrate-store", "--to", target)).isEqualTo(1);
    assertThat(cli.err()).contains("slack_deliveries has 2 rows in the SQLite store but 0 in PostgreSQL");
    assertThat(count(target, "plans")).isZero();
  }

  private static long count(String url, String table) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** How many tables the database has: none, when nothing touched it. */
  private static long tables(String url) throws Exception {
    return count(url, "information_schema.tables WHERE table_schema = 'public'");
  }
}
