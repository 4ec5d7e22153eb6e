package com.syncrobot.playground.sandbox.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.playground.sandbox.SandboxFixture;
import com.syncrobot.testkit.Clocks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/** The demo data is deterministic and holds the cases the playground's journeys need. */
final class SeedTest {
  private final MutableClock clock = Clocks.at(SandboxFixture.START);
  private final SandboxData d = Seed.build(clock);

  @Test
  void sameClock_sameData() {
    SandboxData again = Seed.build(clock);

    assertThat(again.tickets).isEqualTo(d.tickets);
    assertThat(again.comments).isEqualTo(d.comments);
    assertThat(again.invoices).isEqualTo(d.invoices);
    assertThat(again.tokens).isEqualTo(d.tokens);
  }

  @Test
  void threeTechniciansHaveTokensOfSyncrosShape_aFourthHasNone() {
    assertThat(d.tokens.values()).containsExactlyInAnyOrder(1735L, 1750L, 1737L);
    assertThat(d.tokens.keySet()).allMatch(t -> t.matches("T[0-9a-f]{16}-[0-9a-f]{32}"));
    assertThat(d.techs.get(1760L).name()).isEqualTo("Sam Okafor");
  }

  @Test
  void ticketNumbersAreNeverIds_R26() {
    Set<Long> ids = d.tickets.keySet();
    List<Long> numbers = d.tickets.values().stream().map(SandboxTicket::number).toList();

    assertThat(d.tickets).hasSize(30);
    assertThat(numbers).allMatch(n -> n >= 32150 && n <= 32210).doesNotHaveDuplicates();
    assertThat(numbers).noneMatch(ids::contains);
    assertThat(ids).allMatch(id -> id >= 90_000);
  }

  @Test
  void ticketsSpreadOverStatusesAndTechs_withOneOverdue() {
    Map<String, Long> byStatus = d.tickets.values().stream()
        .collect(Collectors.groupingBy(SandboxTicket::status, Collectors.counting()));
    Instant now = clock.instant();

    // Customer Reply comes only from a customer's reply (SyncroSandbox#customerReply).
    assertThat(byStatus.keySet()).containsExactlyInAnyOrderElementsOf(Vocabulary.STATUSES.stream()
        .filter(x -> !x.equals(Vocabulary.CUSTOMER_REPLY)).toList());
    assertThat(d.tickets.values()).filteredOn(t -> !Vocabulary.closed(t.status()) && !"Invoiced".equals(t.status()))
        .extracting(SandboxTicket::userId).contains(1735L, 1750L, 1737L);
    assertThat(d.tickets.values()).filteredOn(t -> t.dueDate() != null && t.dueDate().isBefore(now)
        && !Vocabulary.closed(t.status())).hasSize(1);
  }

  @Test
  void resolvedTicketsWaitToBeBilled_someWithUninvoicedLines() {
    List<SandboxTicket> resolved = d.tickets.values().stream().filter(t -> t.status().equals("Resolved")).toList();

    assertThat(resolved).hasSize(5);
    assertThat(resolved).filteredOn(t -> d.lineItemsOf(t.id()).stream().anyMatch(li -> !li.converted()))
        .hasSize(3);
    assertThat(d.lineItems.values()).anyMatch(li -> li.priceRetail() == null);
    assertThat(d.tickets.values()).filteredOn(t -> t.status().equals("Invoiced"))
        .allMatch(t -> d.invoices.values().stream().anyMatch(i -> i.ticketId() == t.id()));
  }

  @Test
  void oneCustomerHasAPrepaidBlock_R5() {
    assertThat(d.customers.values()).filteredOn(c -> c.prepayHours() != null && c.prepayHours().signum() > 0)
        .singleElement().satisfies(c -> assertThat(c.prepayHours()).isEqualTo(new BigDecimal("10.0")));
    assertThat(d.customers).hasSize(8);
    assertThat(d.customers.keySet()).allMatch(id -> !d.contactsOf(id).isEmpty());
  }

  @Test
  void rateTableProducts_andWhichDebitPrepaidHours() {
    assertThat(d.products.get(26184L).priceRetail()).isEqualByComparingTo("262.50");
    assertThat(d.products.get(26117L).priceRetail()).isEqualByComparingTo("40.00");
    assertThat(d.products.values()).filteredOn(Catalog.Product::debitsPrepaidHours).extracting(Catalog.Product::id)
        .containsExactlyInAnyOrder(1_190_473L, 26_118L, 26_184L, 9_269_129L, 68_055L);
  }

  @Test
  void commentsUseBrTags_andAppointmentsFallInTheCurrentWeek() {
    LocalDate today = clock.instant().atZone(ZoneId.of("America/Phoenix")).toLocalDate();

    assertThat(d.comments.values()).anyMatch(c -> c.body().contains("<br>"))
        .noneMatch(c -> c.body().contains("<li>"));
    assertThat(d.appointments.values()).hasSize(5).allSatisfy(a -> {
      LocalDate day = a.startAt().atZone(ZoneId.of("America/Phoenix")).toLocalDate();
      assertThat(day).isBetween(today.minusDays(today.getDayOfWeek().getValue() - 1),
          today.plusDays(7 - today.getDayOfWeek().getValue()));
    });
  }
}
