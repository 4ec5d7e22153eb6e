package com.syncrobot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.store.Database;
import com.syncrobot.store.Dialect;
import com.syncrobot.testkit.Clocks;
import com.syncrobot.testkit.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.threeten.extra.MutableClock;

/** The outbox's once-ever offers, batches, claims and takeovers, and the views' leases, on both databases. */
@ParameterizedClass
@EnumSource(Dialect.class)
final class NotifyStoreTest {
  @TempDir
  Path dir;

  private final Dialect dialect;
  private final MutableClock clock = Clocks.at("2026-03-11T10:00:00Z");
  private Database db;
  private Database second;
  private NotifyStore store;
  private NotifyStore other;

  NotifyStoreTest(Dialect dialect) {
    this.dialect = dialect;
  }

  @BeforeEach
  void open() {
    String url = TestStores.newStore(dialect, dir);
    db = Database.open(url);
    second = Database.open(url);
    store = new NotifyStore(db, clock, Duration.ofSeconds(20));
    other = new NotifyStore(second, clock, Duration.ofSeconds(20));
  }

  @AfterEach
  void close() {
    second.close();
    db.close();
  }

  static TicketState ticket(long id) {
    return new TicketState(id, 32000 + id, "Printer jams", 7L, "Acme Dental", "In Progress", "Normal", 3L,
        "Dana Kim");
  }

  static TicketEvent event(String key, String text) {
    return new TicketEvent(EventKind.STATUS, key, Instant.parse("2026-03-11T09:59:00Z"), text);
  }

  private void beat(String runner, Instant at) {
    db.jdbi().useHandle(h -> h.createUpdate("""
        INSERT INTO plan_runners (id, host, pid, started_at, heartbeat_at) VALUES (:id, 'test', 1, :at, :at)
        ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at""")
        .bind("id", runner).bind("at", at.toEpochMilli()).execute());
  }

  @Test
  void offer_recordsAnEventOncePerTarget_everAndFromAnyProcess() {
    assertThat(store.offer("sub:1", ticket(1), event("status:Waiting@1", "Status: A → B"))).isTrue();
    assertThat(other.offer("sub:1", ticket(1), event("status:Waiting@1", "Status: A → B"))).isFalse();
    assertThat(store.offer("sub:2", ticket(1), event("status:Waiting@1", "Status: A → B"))).isTrue();
    assertThat(store.offer("sub:1", ticket(2), event("status:Waiting@1", "Status: A → B"))).isTrue();
    // Even once posted, the same event is never recorded again.
    clock.add(Duration.ofSeconds(21));
    NotifyStore.Batch b = store.claim("sub:1", 1L, "runner-a").orElseThrow();
    store.finish(b.id(), "runner-a", true, "1.0001");
    assertThat(store.offer("sub:1", ticket(1), event("status:Waiting@1", "Status: A → B"))).isFalse();
    assertThat(store.count("sub:1", NotifyStore.POSTED)).isEqualTo(1);
  }

  @Test
  void laterEventsJoinTheTicketsPendingBatch_dueAWindowAfterTheFirst() {
    store.offer("sub:1", ticket(1), event("a", "first"));
    clock.add(Duration.ofSeconds(15));
    store.offer("sub:1", ticket(1), event("b", "second"));
    assertThat(store.due()).isEmpty();
    clock.add(Duration.ofSeconds(5));
    assertThat(store.due()).extracting(NotifyDao.DueRow::target, NotifyDao.DueRow::ticketId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("sub:1", 1L));
    NotifyStore.Batch b = store.claim("sub:1", 1L, "runner-a").orElseThrow();
    assertThat(b.events()).extracting(s -> s.event().text()).containsExactly("first", "second");
    assertThat(b.events().get(0).ticket()).isEqualTo(ticket(1));
    // Claimed once: a second process finds nothing to claim.
    assertThat(other.claim("sub:1", 1L, "runner-b")).isEmpty();
    // After the batch was claimed, a new event starts a new batch.
    store.offer("sub:1", ticket(1), event("c", "third"));
    assertThat(store.due()).isEmpty();
  }

  @Test
  void aBatchWhoseHolderDied_isTakenOverByExactlyOneProcess() {
    store.offer("user:U1", ticket(1), event("a", "first"));
    store.offer("user:U1", ticket(2), event("b", "second"));
    clock.add(Duration.ofSeconds(20));
    beat("runner-a", clock.instant());
    NotifyStore.Batch b = store.claim("user:U1", null, "runner-a").orElseThrow();
    assertThat(b.events()).hasSize(2);
    clock.add(Duration.ofSeconds(31));
    Instant staleBefore = clock.instant().minusSeconds(30);
    // runner-a beats: its batch is left alone.
    beat("runner-a", clock.instant());
    assertThat(store.abandoned(staleBefore)).isEmpty();
    clock.add(Duration.ofSeconds(31));
    staleBefore = clock.instant().minusSeconds(30);
    assertThat(store.abandoned(staleBefore)).extracting(NotifyDao.AbandonedRow::batchId).containsExactly(b.id());
    assertThat(other.takeOver(b.id(), "runner-a", "runner-b", staleBefore)).isPresent();
    assertThat(store.takeOver(b.id(), "runner-a", "runner-c", staleBefore)).isEmpty();
    // The dead holder can no longer record it; the new one can, once.
    assertThat(store.finish(b.id(), "runner-a", true, "1.1")).isFalse();
    assertThat(other.finish(b.id(), "runner-b", true, "1.2")).isTrue();
    assertThat(store.count("user:U1", NotifyStore.POSTED)).isEqualTo(2);
  }

  @Test
  void later_putsTheBatchAsideUnderItsBatchId_triedAgainWhenDue_andDropPendingDropsIt() {
    store.offer("sub:1", ticket(1), event("a", "first"));
    clock.add(Duration.ofSeconds(20));
    NotifyStore.Batch b = store.claim("sub:1", 1L, "runner-a").orElseThrow();
    assertThat(store.later(b.id(), "runner-a", clock.instant().plusSeconds(30), "Slack did not answer")).isTrue();
    assertThat(store.due()).isEmpty();
    assertThat(store.retries()).isEmpty();
    assertThat(store.pending("sub:1")).isEqualTo(1);
    // A later event of the ticket starts a batch of its own: the one aside may already be in Slack.
    store.offer("sub:1", ticket(1), event("b", "second"));
    clock.add(Duration.ofSeconds(30));
    assertThat(store.retries()).extracting(NotifyDao.RetryRow::batchId).containsExactly(b.id());
    NotifyStore.Batch again = store.claimRetry(b.id(), "runner-b").orElseThrow();
    assertThat(again.id()).isEqualTo(b.id());
    assertThat(again.attempts()).isEqualTo(1);
    assertThat(again.events()).hasSize(1);
    assertThat(store.claimRetry(b.id(), "runner-c")).isEmpty();
    assertThat(store.later(b.id(), "runner-b", clock.instant(), "x")).isTrue();
    assertThat(store.dropPending("sub:1", "unsubscribed")).isEqualTo(2);
    assertThat(store.pending("sub:1")).isZero();
    assertThat(store.count("sub:1", NotifyStore.DROPPED)).isEqualTo(2);
  }

  @Test
  void aViewIsLeasedToOneProcessAtATime_andAPollCommitsOnlyWhileItHoldsIt() {
    beat("runner-a", clock.instant());
    beat("runner-b", clock.instant());
    store.view("U1");
    Instant now = clock.instant();
    Instant until = now.plusSeconds(600);
    Instant stale = now.minusSeconds(30);
    assertThat(store.claimView("U1", "runner-a", until, now, stale)).isTrue();
    assertThat(other.claimView("U1", "runner-b", until, now, stale)).isFalse();
    NotifyStore.Snapshot s = new NotifyStore.Snapshot(1, "New", null, null, 7L, now.toEpochMilli(), false, null);
    assertThat(store.finishPoll("U1", "runner-a", now, now, List.of(s),
        List.of(new NotifyStore.Offer("sub:1", ticket(1), event("new", "New ticket from Acme Dental"))))).isEqualTo(1);
    assertThat(store.view("U1").cursor()).isEqualTo(now);
    assertThat(store.view("U1").checkedAt()).isEqualTo(now);
    assertThat(store.snapshots("U1")).containsEntry(1L, s);
    // Polled just now: not due again within the interval.
    assertThat(other.claimView("U1", "runner-b", until, now.minusSeconds(60), stale)).isFalse();
    clock.add(Duration.ofSeconds(60));
    Instant later = clock.instant();
    assertThat(other.claimView("U1", "runner-b", later.plusSeconds(600), later.minusSeconds(60),
        later.minusSeconds(30))).isTrue();
    // runner-a lost it: its result is not kept.
    assertThat(store.finishPoll("U1", "runner-a", later, now, List.of(), List.of())).isEqualTo(-1);
    assertThat(store.view("U1").cursor()).isEqualTo(now);
  }

  @Test
  void aViewHeldByADeadRunner_isClaimedByAnother() {
    beat("runner-a", clock.instant());
    store.view("U1");
    Instant now = clock.instant();
    assertThat(store.claimView("U1", "runner-a", now.plusSeconds(600), now, now.minusSeconds(30))).isTrue();
    clock.add(Duration.ofSeconds(40));
    Instant later = clock.instant();
    assertThat(other.claimView("U1", "runner-b", later.plusSeconds(600), later, later.minusSeconds(30))).isTrue();
  }

  @Test
  void waiting_keepsTheFirstTime_andAPollClearsIt() {
    beat("runner-a", clock.instant());
    store.view("U1");
    store.waiting("U1", Instant.parse("2026-03-11T09:59:00Z"), "Syncro's request budget is in use by commands");
    store.waiting("U1", Instant.parse("2026-03-11T10:00:00Z"), "Syncro did not answer");
    assertThat(store.view("U1").waitingSince()).isEqualTo(Instant.parse("2026-03-11T09:59:00Z"));
    assertThat(store.view("U1").waitingWhy()).isEqualTo("Syncro did not answer");
    Instant now = clock.instant();
    store.claimView("U1", "runner-a", now.plusSeconds(600), now, now.minusSeconds(30));
    store.finishPoll("U1", "runner-a", now, now, List.of(), List.of());
    assertThat(store.view("U1").waitingSince()).isNull();
    assertThat(store.view("U1").waitingWhy()).isNull();
  }

  @Test
  void prune_forgetsFinishedRowsAndClosedTicketsAfterThirtyDays() {
    store.offer("sub:1", ticket(1), event("a", "first"));
    store.offer("sub:1", ticket(2), event("b", "second"));
    clock.add(Duration.ofSeconds(20));
    NotifyStore.Batch b = store.claim("sub:1", 1L, "runner-a").orElseThrow();
    store.finish(b.id(), "runner-a", true, "1.1");
    beat("runner-a", clock.instant());
    store.view("U1");
    Instant now = clock.instant();
    store.claimView("U1", "runner-a", now.plusSeconds(600), now, now.minusSeconds(30));
    store.finishPoll("U1", "runner-a", now, now,
        List.of(new NotifyStore.Snapshot(1, "Resolved", null, null, null, null, false, null),
            new NotifyStore.Snapshot(2, "New", null, null, null, null, false, null)),
        List.of());
    clock.add(Duration.ofDays(30).plusSeconds(1));
    assertThat(store.prune()).isEqualTo(2);
    assertThat(store.count("sub:1", NotifyStore.POSTED)).isZero();
    assertThat(store.pending("sub:1")).isEqualTo(1);
    assertThat(store.snapshots("U1")).containsOnlyKeys(2L);
  }
}
