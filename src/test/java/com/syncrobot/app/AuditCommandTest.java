package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.syncrobot.store.Database;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.syncro.SyncroWrite;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.syncro.TicketNumber;
import com.syncrobot.write.Check;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanExecutor;
import com.syncrobot.write.PlanStore;
import com.syncrobot.write.TicketRef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `audit` prints what the write path recorded, filtered by ticket, time and user. */
@WireMockTest
final class AuditCommandTest {
  private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
  private static final String TOKEN = "T0123456789abcdef-auditSECRETauditSECRET0123456789";

  @TempDir
  Path dir;

  @Test
  void audit_afterAnExecutedComment_printsWhoWhatAndTheSyncroId(WireMockRuntimeInfo wm) {
    String dbUrl = "jdbc:sqlite:" + dir.resolve("bot.db");
    wm.getWireMock().register(post(urlPathEqualTo("/api/v1/tickets/9001/comment"))
        .willReturn(okJson("{\"comment\":{\"id\":5001}}")));
    try (Database db = Database.open(dbUrl)) {
      PlanStore store = new PlanStore(db.jdbi());
      SyncroClient client = SyncroClient.builder().baseUrl(wm.getHttpBaseUrl() + "/api/v1").build();
      var body = JsonNodeFactory.instance.objectNode().put("subject", "Update").put("body", "Rebooted")
          .put("hidden", true).put("do_not_email", true).put("tech", "Jane Tech");
      Plan plan = Plan.builder().kind("comment").owner("U04ABCDEF", 1735, "Jane Tech").channel("C1")
          .ticket(new TicketRef(new TicketId(9001), new TicketNumber(32203), "Printer", "Acme"))
          .title("Internal note on #32203")
          .step("Post internal note", SyncroWrite.post("/tickets/9001/comment", body, "/comment/id"),
              new Check.CommentExists(new TicketId(9001), "Update", "Rebooted", List.of()))
          .build(NOW, Duration.ofMinutes(30));
      store.create(plan);
      PlanExecutor engine = PlanExecutor.builder().store(store)
          .apis(u -> Optional.of(client.as(new SyncroToken(TOKEN)))).listener(p -> {})
          .executor(Runnable::run).scheduler((d, t) -> {}).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
      engine.confirm(plan.id(), "U04ABCDEF");
    }
    Map<String, String> env = Map.of(BotConfig.DB_URL, dbUrl,
        BotConfig.SECRET_KEY_FILE, dir.resolve("secret.key").toString());

    Result all = run(env, "audit", "--ticket", "#32203", "--bodies");
    Result otherTicket = run(env, "audit", "--ticket", "32204");
    Result otherUser = run(env, "audit", "--user", "U999999");
    Result future = run(env, "audit", "--since", "2026-11-27");
    Result bad = run(env, "audit", "--since", "yesterday");

    assertThat(all.code).isZero();
    assertThat(all.out).contains("#32203").contains("U04ABCDEF (Jane Tech, 1735)")
        .contains("POST /tickets/9001/comment")
        .contains("DONE 200 id 5001").contains("\"body\":\"Rebooted\"").doesNotContain(TOKEN);
    assertThat(otherTicket.out).contains("No Syncro writes match.");
    assertThat(otherUser.out).contains("No Syncro writes match.");
    assertThat(future.out).contains("No Syncro writes match.");
    assertThat(bad.code).isEqualTo(2);
    assertThat(bad.err).contains("'yesterday' is not a date");
  }

  @Test
  void parseSince_acceptsAgesDatesAndInstants() {
    assertThat(AuditCommand.parseSince("7d", NOW)).contains(NOW.minus(Duration.ofDays(7)));
    assertThat(AuditCommand.parseSince("12h", NOW)).contains(NOW.minus(Duration.ofHours(12)));
    assertThat(AuditCommand.parseSince("2026-11-01", NOW)).contains(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(AuditCommand.parseSince("2026-11-01T08:00:00Z", NOW)).contains(Instant.parse("2026-11-01T08:00:00Z"));
    assertThat(AuditCommand.parseSince("last week", NOW)).isEmpty();
  }

  private record Result(int code, String out, String err) {}

  private static Result run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new Main.Cli(env, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Clock.fixed(NOW, ZoneOffset.UTC)), args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
