package com.syncrobot.playground.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncrobot.playground.sandbox.model.SandboxChange;
import com.syncrobot.playground.sandbox.model.SandboxComment;
import com.syncrobot.playground.sandbox.model.SandboxState;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.sandbox.model.Seed;
import com.syncrobot.playground.sandbox.model.TicketEdit;
import com.syncrobot.playground.sandbox.model.Vocabulary;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Changes made outside the bot, through the admin API ({@code /_sandbox/customer-reply}, {@code
 * new-ticket}, {@code ticket-change}) and in the JVM ({@link SyncroSandbox#randomChange}).
 */
final class CustomerActivityTest {
  private final SandboxFixture f = new SandboxFixture();

  @AfterEach
  void tearDown() {
    f.close();
  }

  private HttpResponse<String> admin(String path, String body) {
    return f.sendTo(f.sandbox.adminUrl() + path, "POST", body, "application/json", Map.of());
  }

  private JsonNode ok(String path, String body) {
    HttpResponse<String> r = admin(path, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return f.json(r);
  }

  private SandboxTicket ticket(long number) {
    return f.state().ticketByNumber(number).orElseThrow();
  }

  @Test
  void customerReply_addsThePublicCommentOfTheContact_andSetsCustomerReply() {
    SandboxTicket before = ticket(32150);
    f.clock.add(Duration.ofMinutes(3));

    JsonNode r = ok("/customer-reply", "{\"number\": 32150, \"body\": \"Still can't reach the share.\"}");

    SandboxTicket after = ticket(32150);
    List<SandboxComment> comments = f.state().commentsOf(before.id());
    SandboxComment reply = comments.get(comments.size() - 1);
    assertThat(reply.userId()).isNull();
    assertThat(reply.tech()).isEqualTo("Lena Ortiz");
    assertThat(reply.subject()).isEqualTo("Re: " + before.subject());
    assertThat(reply.body()).isEqualTo("Still can't reach the share.");
    assertThat(reply.hidden()).isFalse();
    assertThat(after.status()).isEqualTo("Customer Reply");
    assertThat(after.updatedAt()).isEqualTo(f.clock.instant());
    assertThat(after.userId()).isEqualTo(before.userId());
    assertThat(r.get("kind").asText()).isEqualTo("customer_reply");
    assertThat(r.get("message").asText())
        .isEqualTo("Lena Ortiz (Canyon Dental Group) replied on #32150; its status is now Customer Reply");
    assertThat(r.get("commentId").asLong()).isEqualTo(reply.id());
    // What the bot reads back.
    JsonNode detail = f.getJson("/tickets/" + before.id()).get("ticket");
    assertThat(detail.get("status").asText()).isEqualTo("Customer Reply");
    assertThat(detail.get("customer_reply").asBoolean()).isTrue();
    assertThat(detail.at("/comments/" + (comments.size() - 1) + "/user_id").isNull()).isTrue();
  }

  @Test
  void customerReply_withoutBody_usesARealisticOne_andReopensAResolvedTicket() {
    SandboxTicket resolved = f.state().tickets().stream().filter(t -> t.status().equals("Resolved")).findFirst()
        .orElseThrow();

    SandboxChange c = f.sandbox.customerReply(resolved.number(), null);

    assertThat(c.comment()).isNotNull();
    assertThat(c.comment().body()).isNotBlank();
    assertThat(ticket(resolved.number()).status()).isEqualTo("Customer Reply");
  }

  @Test
  void customerReply_unknownOrMissingNumber_isRefused_andChangesNothing() {
    SandboxState before = f.state();

    HttpResponse<String> unknown = admin("/customer-reply", "{\"number\": 99}");
    HttpResponse<String> missing = admin("/customer-reply", "{\"body\": \"hello\"}");
    HttpResponse<String> words = admin("/customer-reply", "{\"number\": \"the printer one\"}");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(f.json(unknown).get("error").asText())
        .isEqualTo("Unknown ticket #99: no ticket has that number; the sandbox's run from #32150 to #32208");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(f.json(missing).get("error").asText()).contains("number must be a ticket number, e.g. 32150");
    assertThat(words.statusCode()).isEqualTo(400);
    assertThat(f.state()).isEqualTo(before);
  }

  @Test
  void newTicket_isTheCustomersOwn_unassignedNewWithTheirFirstComment() {
    f.clock.add(Duration.ofMinutes(2));
    long next = f.state().tickets().stream().mapToLong(SandboxTicket::number).max().orElseThrow() + 1;

    JsonNode r = ok("/new-ticket", "{\"customer\": \"canyon dental\", \"subject\": \"Phones down\","
        + " \"body\": \"None of the phones ring.\"}");

    SandboxTicket t = ticket(next);
    assertThat(r.get("message").asText()).isEqualTo("Ticket #" + next + " created for Canyon Dental Group");
    assertThat(r.at("/ticket/id").asLong()).isEqualTo(t.id());
    assertThat(t.subject()).isEqualTo("Phones down");
    assertThat(t.status()).isEqualTo("New");
    assertThat(t.userId()).isNull();
    assertThat(t.createdBy()).isNull();
    assertThat(t.customerId()).isEqualTo(Seed.CANYON_DENTAL);
    assertThat(t.createdAt()).isEqualTo(f.clock.instant());
    assertThat(f.state().commentsOf(t.id())).singleElement().satisfies(c -> {
      assertThat(c.userId()).isNull();
      assertThat(c.tech()).isEqualTo("Lena Ortiz");
      assertThat(c.body()).isEqualTo("None of the phones ring.");
      assertThat(c.hidden()).isFalse();
    });
    JsonNode item = f.getJson("/tickets?number=" + next).at("/tickets/0");
    assertThat(item.get("creator_name_or_email").isNull()).isTrue();
    assertThat(item.get("customer_reply").asBoolean()).isTrue();
  }

  @Test
  void newTicket_byIdOrFullName_withDefaultsForWhatIsLeftOut() {
    JsonNode byId = ok("/new-ticket", "{\"customer\": " + Seed.KESTREL + "}");
    JsonNode byName = ok("/new-ticket", "{\"customer\": \"Jerry Burger\"}");

    SandboxTicket kestrel = ticket(byId.at("/ticket/number").asLong());
    assertThat(kestrel.customerId()).isEqualTo(Seed.KESTREL);
    assertThat(kestrel.subject()).isNotBlank();
    assertThat(f.state().commentsOf(kestrel.id()).get(0).body()).isNotBlank();
    assertThat(byName.at("/ticket/customerId").asLong()).isEqualTo(Seed.JERRY_BURGER);
  }

  @Test
  void newTicket_unknownOrAmbiguousCustomer_isRefusedByName_andChangesNothing() {
    SandboxState before = f.state();

    HttpResponse<String> unknown = admin("/new-ticket", "{\"customer\": \"Acme Dental\"}");
    HttpResponse<String> several = admin("/new-ticket", "{\"customer\": \"an\"}");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(f.json(unknown).get("error").asText()).startsWith("Unknown customer \"Acme Dental\": use one of ")
        .contains("Canyon Dental Group", "Jerry Burger");
    assertThat(several.statusCode()).isEqualTo(400);
    assertThat(f.json(several).get("error").asText()).contains("\"an\" matches", "type more of the name");
    assertThat(f.state()).isEqualTo(before);
  }

  @Test
  void ticketChange_setsStatusAssigneeAndPriority_thenUnassigns() {
    f.clock.add(Duration.ofMinutes(1));

    JsonNode r = ok("/ticket-change", "{\"number\": 32150, \"status\": \"waiting on customer\", \"user_id\": "
        + Seed.MARCO + ", \"priority\": \"4 urgent\"}");

    SandboxTicket t = ticket(32150);
    assertThat(t.status()).isEqualTo("Waiting on Customer");
    assertThat(t.userId()).isEqualTo(Seed.MARCO);
    assertThat(t.priority()).isEqualTo("4 Urgent");
    assertThat(t.updatedAt()).isEqualTo(f.clock.instant());
    assertThat(r.get("message").asText())
        .isEqualTo("Ticket #32150 changed: status Waiting on Customer, assigned to Marco Reyes, priority 4 Urgent");

    ok("/ticket-change", "{\"number\": 32150, \"user_id\": null}");
    assertThat(ticket(32150).userId()).isNull();
    assertThat(ticket(32150).status()).isEqualTo("Waiting on Customer");
  }

  @Test
  void ticketChange_badInput_isRefusedWithWhatToSend_andChangesNothing() {
    SandboxState before = f.state();

    HttpResponse<String> status = admin("/ticket-change", "{\"number\": 32150, \"status\": \"Done\"}");
    HttpResponse<String> tech = admin("/ticket-change", "{\"number\": 32150, \"user_id\": 42}");
    HttpResponse<String> priority = admin("/ticket-change", "{\"number\": 32150, \"priority\": \"ASAP\"}");
    HttpResponse<String> nothing = admin("/ticket-change", "{\"number\": 32150}");
    HttpResponse<String> unknown = admin("/ticket-change", "{\"number\": 99, \"status\": \"New\"}");

    assertThat(status.statusCode()).isEqualTo(400);
    assertThat(f.json(status).get("error").asText()).startsWith("Unknown status \"Done\": use one of New, ");
    assertThat(f.json(tech).get("error").asText()).contains("Unknown technician 42", "1750 (Marco Reyes)");
    assertThat(f.json(priority).get("error").asText()).contains("Unknown priority \"ASAP\"", "1 High");
    assertThat(nothing.statusCode()).isEqualTo(400);
    assertThat(f.json(nothing).get("error").asText()).contains("status, user_id (null to unassign) or priority");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(f.json(unknown).get("error").asText()).startsWith("Unknown ticket #99");
    assertThat(f.state()).isEqualTo(before);
  }

  @Test
  void ticketChange_inTheJvm_resolvingSetsResolvedAt() {
    SandboxChange c = f.sandbox.editTicket(32150, TicketEdit.none().withStatus("Resolved"));

    assertThat(c.kind()).isEqualTo(SandboxChange.Kind.TICKET_CHANGE);
    assertThat(c.ticket().resolvedAt()).isEqualTo(f.clock.instant());
    assertThatThrownBy(() -> f.sandbox.editTicket(32150, TicketEdit.none()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nothing to change on #32150");
  }

  @Test
  void randomChange_touchesOneOpenTicketAtATime_andNothingElse() {
    f.sandbox.addOpenTickets(200);
    Random random = new Random(16);
    EnumSet<SandboxChange.Kind> kinds = EnumSet.noneOf(SandboxChange.Kind.class);
    for (int i = 0; i < 60; i++) {
      SandboxState before = f.state();
      f.clock.add(Duration.ofSeconds(3));

      SandboxChange c = f.sandbox.randomChange(random);

      kinds.add(c.kind());
      SandboxState after = f.state();
      SandboxTicket was = before.ticket(c.ticket().id()).orElseThrow();
      assertThat(Vocabulary.open(was.status())).as("changed #%d in %s", was.number(), was.status()).isTrue();
      assertThat(Vocabulary.open(c.ticket().status())).isTrue();
      assertThat(after.ticket(was.id()).orElseThrow().updatedAt()).isEqualTo(f.clock.instant());
      List<SandboxTicket> others = new ArrayList<>(after.tickets());
      others.removeIf(t -> t.id() == was.id());
      List<SandboxTicket> othersBefore = new ArrayList<>(before.tickets());
      othersBefore.removeIf(t -> t.id() == was.id());
      assertThat(others).as("change %d: %s", i, c.summary()).isEqualTo(othersBefore);
      assertThat(after.invoices()).isEqualTo(before.invoices());
      assertThat(after.lineItems()).isEqualTo(before.lineItems());
    }
    assertThat(kinds).containsExactlyInAnyOrder(SandboxChange.Kind.TICKET_CHANGE, SandboxChange.Kind.INTERNAL_NOTE,
        SandboxChange.Kind.CUSTOMER_REPLY);
  }

  @Test
  void randomChange_sameSeed_sameChanges() {
    List<String> first = new ArrayList<>();
    Random a = new Random(7);
    for (int i = 0; i < 10; i++) {
      first.add(f.sandbox.randomChange(a).summary());
    }
    f.sandbox.reset();
    Random b = new Random(7);
    for (int i = 0; i < 10; i++) {
      assertThat(f.sandbox.randomChange(b).summary()).isEqualTo(first.get(i));
    }
  }

  @Test
  void resetAfterActivity_bringsBackTheSeed() {
    f.sandbox.newTicket("Kestrel", null, null);
    f.sandbox.customerReply(32150, null);

    f.sandbox.reset();

    assertThat(f.state().tickets()).hasSize(30);
    assertThat(ticket(32150).status()).isEqualTo("In Progress");
  }

  @Test
  void parallelActivity_allLands_withDistinctNumbers() throws Exception {
    int tickets = f.state().tickets().size();
    int comments = f.state().comments().values().stream().mapToInt(List::size).sum();
    Set<Long> numbers = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      boolean fresh = i % 2 == 0;
      done.add(pool.submit(() -> fresh ? numbers.add(f.sandbox.newTicket("Kestrel", null, null).ticket().number())
          : f.sandbox.customerReply(32150, null)));
    }
    for (Future<?> d : done) {
      d.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(numbers).hasSize(40);
    assertThat(f.state().tickets()).hasSize(tickets + 40);
    assertThat(f.state().comments().values().stream().mapToInt(List::size).sum()).isEqualTo(comments + 80);
  }
}
