package com.syncrobot.write;

import com.syncrobot.store.Database;
import com.syncrobot.store.Dialect;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.syncrobot.syncro.SyncroWrite;
import com.syncrobot.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ordinary run: record, send, record the result, audit; placeholders filled at send time. */
@ParameterizedClass
@EnumSource(Dialect.class)
final class ExecutionTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @AutoClose
  private final Fixture f;

  ExecutionTest(Dialect dialect) {
    this.f = new Fixture(wm, dialect);
  }

  @Test
  void eachStep_committedAsSendingBeforeItsRequestLeaves_R2() {
    Plan plan = f.stored(Plans.close(Fixture.T0));
    f.syncro.commentPostCreates(5001);
    f.syncro.statusPutSucceeds();
    List<String> seenWhileSending = new ArrayList<>();
    PlanListener probe = p -> {
      for (Step s : p.steps()) {
        if (s.state() == StepState.SENDING) {
          // what a freshly started bot would read from the database at this instant
          StepState stored = f.newStore().find(p.id()).orElseThrow().step(s.index()).state();
          seenWhileSending.add(s.index() + ":" + stored + ":posts=" + f.syncro.commentPosts()
              + ":puts=" + f.syncro.statusPuts());
        }
      }
    };

    f.engine(f.store, Runnable::run, probe).confirm(plan.id(), Plans.OWNER);

    assertThat(seenWhileSending).containsExactly("0:SENDING:posts=0:puts=0", "1:SENDING:posts=1:puts=0");
    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.DONE);
    assertThat(after.finishedAt()).isEqualTo(Fixture.T0);
    assertThat(after.steps()).extracting(Step::resultId).containsExactly(5001L, Plans.TICKET_ID);
    assertThat(after.note()).contains("“Post resolution comment” (id 5001)");
  }

  @Test
  void commentPost_sendsFlatBodyWithOwnersToken_andKeepsExactRequestAndResponseForAudit_R11() {
    Plan plan = f.stored(Plans.comment(Fixture.T0));
    f.syncro.commentPostAnswers(okJson("{\"comment\":{\"id\":5001,\"subject\":\"Update\"}}"));

    f.engine(Runnable::run).confirm(plan.id(), Plans.OWNER);

    wm.verify(1,
        SyncroStubs.withToken(postRequestedFor(urlPathEqualTo(SyncroStubs.COMMENT_PATH)), Fixtures.SYNCRO_TOKEN)
            .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("application/json"))
            .withRequestBody(equalToJson(Plans.commentBody(Plans.SUBJECT, Plans.BODY).toString())));
    AuditEntry entry = f.store.audit(AuditQuery.all()).get(0);
    assertThat(entry.path()).isEqualTo("/tickets/9001/comment");
    assertThat(entry.body()).isEqualTo(Plans.commentBody(Plans.SUBJECT, Plans.BODY).toString());
    assertThat(entry.resultStatus()).isEqualTo(200);
    assertThat(entry.resultBody()).isEqualTo("{\"comment\":{\"id\":5001,\"subject\":\"Update\"}}");
    assertThat(entry.syncroUserId()).isEqualTo(1735);
  }

  @Test
  void tokenNeverReachesTheDatabase_R11() throws IOException {
    Plan plan = f.stored(Plans.close(Fixture.T0));
    f.syncro.commentPostResets();
    f.syncro.comments();
    f.engine(Runnable::run).confirm(plan.id(), Plans.OWNER);

    if (f.dialect == Dialect.POSTGRESQL) {
      // no files: every row of every table, as text
      try (Database db = f.newDatabase()) {
        List<String> tables = db.jdbi().withHandle(h -> h.createQuery(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'").mapTo(String.class)
            .list());
        assertThat(tables).contains("plans", "plan_steps");
        for (String table : tables) {
          int rows = db.jdbi().withHandle(h -> h.createQuery(
              "SELECT count(*) FROM " + table + " t WHERE t::text LIKE :token").bind("token",
                  "%" + Fixtures.SYNCRO_TOKEN + "%")
              .mapTo(Integer.class).one());
          assertThat(rows).as(table).isZero();
        }
      }
      return;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(f.dir)) {
      files = s.toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertThat(bytes).as(file.getFileName().toString()).doesNotContain(Fixtures.SYNCRO_TOKEN);
    }
  }

  @Test
  void placeholder_stepOnePathAndBodyUseStepZeroId() {
    ObjectNode invoiceBody = JsonNodeFactory.instance.objectNode();
    invoiceBody.put("ticket_id", Plans.TICKET_ID);
    invoiceBody.put("customer_id", 77);
    invoiceBody.put("category", "Standard");
    ObjectNode fixBody = JsonNodeFactory.instance.objectNode();
    fixBody.put("invoice_id", "{{step:0}}");
    fixBody.put("note", "see invoice {{step:0}}");
    Plan plan = f.stored(Plans.base(Plans.OWNER)
        .kind("bill")
        .step("Create invoice", new SyncroWrite("POST", "/invoices", invoiceBody, "/invoice/id"),
            new Check.None("look at the ticket's invoices"))
        .step("Update invoice", new SyncroWrite("PUT", "/invoices/{{step:0}}", fixBody, "/invoice/id"),
            new Check.None("look at the invoice"))
        .build(Fixture.T0, Plans.TTL));
    wm.stubFor(post(urlPathEqualTo(SyncroStubs.API + "/invoices")).willReturn(okJson("{\"invoice\":{\"id\":777}}")));
    wm.stubFor(put(urlPathEqualTo(SyncroStubs.API + "/invoices/777")).willReturn(okJson("{\"invoice\":{\"id\":777}}")));

    f.engine(Runnable::run).confirm(plan.id(), Plans.OWNER);

    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.DONE);
    wm.verify(1, putRequestedFor(urlPathEqualTo(SyncroStubs.API + "/invoices/777"))
        .withRequestBody(equalToJson("{\"invoice_id\":777,\"note\":\"see invoice 777\"}")));
    Step step1 = f.plan(plan.id()).step(1);
    assertThat(step1.request().path()).isEqualTo("/invoices/{{step:0}}");
    assertThat(step1.sent()).isNotNull();
    assertThat(step1.sent().path()).isEqualTo("/invoices/777");
    assertThat(step1.sent().body().get("invoice_id").asLong()).isEqualTo(777L);
    assertThat(f.store.audit(AuditQuery.all())).extracting(AuditEntry::path)
        .containsExactly("/invoices", "/invoices/777");
    wm.verify(1, postRequestedFor(urlPathEqualTo(SyncroStubs.API + "/invoices"))
        .withQueryParam("api_key", equalTo(Fixtures.SYNCRO_TOKEN)));
  }

  @Test
  void placeholderOfStepWithoutId_planFailsBeforeSending() {
    Plan plan = f.stored(Plans.base(Plans.OWNER)
        .step("Post internal note", new SyncroWrite("POST", "/tickets/9001/comment",
            Plans.commentBody(Plans.SUBJECT, Plans.BODY), null), Plans.commentCheck())
        .step("Use its id", new SyncroWrite("PUT", "/things/{{step:0}}", null, null), new Check.None("look"))
        .build(Fixture.T0, Plans.TTL));
    f.syncro.commentPostCreates(5001);

    f.engine(Runnable::run).confirm(plan.id(), Plans.OWNER);

    Plan after = f.plan(plan.id());
    assertThat(after.state()).isEqualTo(PlanState.FAILED);
    assertThat(after.step(1).state()).isEqualTo(StepState.PENDING);
    assertThat(after.note()).contains("needs the id from step 1");
  }
}
