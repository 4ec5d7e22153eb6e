package com.syncrobot.write;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.syncrobot.billing.Money;
import com.syncrobot.billing.Quantity;
import com.syncrobot.store.Database;
import com.syncrobot.store.Dialect;
import com.syncrobot.syncro.CustomerId;
import com.syncrobot.syncro.TicketId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a running plan asks of its store between one Syncro request and the next, in the order it happens: the
 * store round trips per step are what the bot adds to each of a bill's five dependent calls. A write leaves only
 * after the store says it may have been sent; between two steps nothing else is asked of the store.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
final class StoreRoundTripsTest {
  /** Statements run and requests received, in order; a request is noted before its answer is sent. */
  private static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(new ServeEventListener() {
        @Override
        public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
          EVENTS.add("REQUEST " + serveEvent.getRequest().getMethod() + " " + serveEvent.getRequest().getUrl());
        }

        @Override
        public String getName() {
          return "request-order";
        }
      }))
      .build();

  private static final TicketId TICKET = new TicketId(Plans.TICKET_ID);
  private static final long INVOICE = 67447;

  @AutoClose
  private final Fixture f;

  StoreRoundTripsTest(Dialect dialect) {
    this.f = new Fixture(wm, dialect);
  }

  @BeforeEach
  void setUp() {
    BillingStubs billing = new BillingStubs(wm);
    f.syncro.commentPostCreates(5001);
    billing.addLineAnswers(okJson("{\"id\":610089}"));
    billing.invoicePostAnswers(okJson("{\"invoice\":{\"id\":" + INVOICE + ",\"number\":\"67447\"}}"));
    billing.invoiceShows(INVOICE, "112.5");
    f.syncro.statusPutAnswers(okJson(SyncroStubs.ticketJson("Invoiced")));
  }

  /** A bill's five dependent calls: comment, line item, invoice, invoice read-back, status Invoiced. */
  private Plan bill() {
    return f.stored(Plans.base(Plans.OWNER).kind("bill").title("Bill #32203")
        .step("Post internal note", Plans.commentWrite(), Plans.commentCheck())
        .step("Add the labour", BillingStubs.addLineWrite(), new Check.None("test"))
        .step("Create invoice", BillingStubs.invoiceWrite(), new Check.InvoiceForTicket(TICKET, List.of()))
        .read("Check the invoice total", new Assertion.InvoiceTotal("{{step:2}}", TICKET,
            new CustomerId(BillingStubs.CUSTOMER_ID), Money.parse("112.50"), new Quantity(new BigDecimal("0.75")),
            null))
        .step("Set status Invoiced", Plans.statusWrite("Invoiced"), Check.TicketFieldsAre.status(TICKET, "Invoiced"))
        .build(Fixture.T0, Plans.TTL));
  }

  @Test
  void betweenTwoDependentRequests_oneCommitMarksTheNextSending_withTheAnswerBefore_R2() {
    Plan plan = bill();
    Database db = f.newDatabase();
    db.jdbi().getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
      @Override
      public void logBeforeExecution(StatementContext context) {
        EVENTS.add(context.getRenderedSql().strip().replaceAll("\\s+", " "));
      }
    });
    EVENTS.clear();

    f.engine(new PlanStore(db.jdbi()), Runnable::run, PlanListener.none()).confirm(plan.id(), Plans.OWNER);

    assertThat(f.plan(plan.id()).state()).isEqualTo(PlanState.DONE);
    List<List<String>> between = between(List.copyOf(EVENTS));
    assertThat(between).hasSize(6);
    assertThat(between.get(0)).last().isEqualTo("step SENDING");
    // the comment's answer and the line item's mark in one commit (the first answer also ends any waits)
    assertThat(between.get(1)).containsExactly("step DONE", "waits reset", "step SENDING");
    assertThat(between.get(2)).containsExactly("step DONE", "step SENDING");
    // the invoice's answer is recorded before its read-back, which is not marked: reading again is safe
    assertThat(between.get(3)).containsExactly("step DONE");
    assertThat(between.get(4)).containsExactly("read step DONE", "step SENDING");
    // after the last answer: recorded with the plan's end, then read once to tell the owner
    assertThat(between.get(5)).startsWith("step DONE", "plan leaves EXECUTING").doesNotContain("runner released");
  }

  /** The statements before the first request, between each two, and after the last; PRAGMAs left out. */
  private static List<List<String>> between(List<String> events) {
    List<List<String>> out = new ArrayList<>();
    List<String> now = new ArrayList<>();
    for (String e : events) {
      if (e.startsWith("REQUEST ")) {
        out.add(now);
        now = new ArrayList<>();
      } else if (!e.startsWith("PRAGMA")) {
        now.add(name(e));
      }
    }
    out.add(now);
    return out;
  }

  private static String name(String sql) {
    if (sql.startsWith("UPDATE plan_steps SET state = 'SENDING'")) {
      return "step SENDING";
    }
    if (sql.startsWith("UPDATE plan_steps SET state = 'DONE', finished_at")) {
      return "step DONE";
    }
    if (sql.startsWith("UPDATE plan_steps SET state = 'DONE', sent_at")) {
      return "read step DONE";
    }
    if (sql.startsWith("UPDATE plans SET wait_count = 0")) {
      return "waits reset";
    }
    if (sql.startsWith("UPDATE plans SET state = :state")) {
      return "plan leaves EXECUTING";
    }
    if (sql.startsWith("UPDATE plans SET runner = NULL")) {
      return "runner released";
    }
    return sql;
  }
}
