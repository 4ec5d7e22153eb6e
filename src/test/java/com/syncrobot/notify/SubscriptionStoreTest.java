package com.syncrobot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.store.Database;
import com.syncrobot.store.Dialect;
import com.syncrobot.testkit.Clocks;
import com.syncrobot.testkit.TestStores;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.threeten.extra.MutableClock;

/** Subscriptions and their ticket threads in the store, on SQLite and on PostgreSQL. */
@ParameterizedClass
@EnumSource(Dialect.class)
final class SubscriptionStoreTest {
  static final SubscriptionFilter ACME = new SubscriptionFilter(42L, "Acme Dental",
      Set.of("Waiting on Customer", "New"),
      Set.of("1 High"), EnumSet.of(EventKind.NEW, EventKind.REPLY));

  @TempDir
  Path dir;

  private final Dialect dialect;
  private final MutableClock clock = Clocks.at("2026-12-06T10:00:00Z");
  private Database db;
  private SubscriptionStore store;

  SubscriptionStoreTest(Dialect dialect) {
    this.dialect = dialect;
  }

  @BeforeEach
  void open() {
    db = Database.open(TestStores.newStore(dialect, dir));
    store = new SubscriptionStore(db.jdbi(), clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void add_roundTripsEveryField_andListsFindAndChannelAgree() {
    SubscriptionStore.Added added = store.add("C0SUPPORT", "U0DANA", ACME);
    Subscription s = added.subscription();

    assertThat(added.created()).isTrue();
    assertThat(s.channelId()).isEqualTo("C0SUPPORT");
    assertThat(s.createdBy()).isEqualTo("U0DANA");
    assertThat(s.filter()).isEqualTo(ACME);
    assertThat(s.createdAt()).isEqualTo(Instant.parse("2026-12-06T10:00:00Z"));
    assertThat(store.active()).containsExactly(s);
    assertThat(store.find(s.id())).contains(s);
    assertThat(store.inChannel("C0SUPPORT")).containsExactly(s);
    assertThat(store.inChannel("C0OTHER")).isEmpty();
  }

  @Test
  void sameFilterInTheSameChannel_storedOnce_evenSpelledInAnotherCaseOrOrder() {
    Subscription first = store.add("C0SUPPORT", "U0DANA", ACME).subscription();
    var same = new SubscriptionFilter(42L, "Acme Dental", Set.of("new", "WAITING ON CUSTOMER"), Set.of("1 high"),
        EnumSet.of(EventKind.REPLY, EventKind.NEW));

    SubscriptionStore.Added again = store.add("C0SUPPORT", "U0ERIN", same);

    assertThat(again.created()).isFalse();
    assertThat(again.subscription()).isEqualTo(first);
    assertThat(store.active()).hasSize(1);
    // Another channel, or another filter, is another subscription.
    assertThat(store.add("C0OTHER", "U0DANA", ACME).created()).isTrue();
    assertThat(store.add("C0SUPPORT", "U0DANA", SubscriptionFilter.everything()).created()).isTrue();
    assertThat(store.active()).hasSize(3);
  }

  @Test
  void remove_once_idsNeverReused_andTheSameFilterCanBeAddedAgain() {
    Subscription first = store.add("C0SUPPORT", "U0DANA", ACME).subscription();

    assertThat(store.remove(first.id())).isTrue();
    assertThat(store.remove(first.id())).isFalse();
    assertThat(store.remove(9_999)).isFalse();
    assertThat(store.find(first.id())).isEmpty();
    assertThat(store.active()).isEmpty();

    SubscriptionStore.Added again = store.add("C0SUPPORT", "U0DANA", ACME);
    assertThat(again.created()).isTrue();
    assertThat(again.subscription().id()).isGreaterThan(first.id());
  }

  @Test
  void thread_recordedOnce_theFirstRootWins() {
    long id = store.add("C0SUPPORT", "U0DANA", ACME).subscription().id();
    assertThat(store.thread(id, 7001)).isEmpty();

    SubscriptionStore.TicketThread first = store.recordThread(id, 7001, "C0SUPPORT", "1765000000.000100");
    SubscriptionStore.TicketThread second = store.recordThread(id, 7001, "C0SUPPORT", "1765000000.000200");

    assertThat(first.rootTs()).isEqualTo("1765000000.000100");
    assertThat(second).isEqualTo(first);
    assertThat(store.thread(id, 7001)).contains(first);
    assertThat(store.thread(id, 7002)).isEmpty();
  }

  @Test
  void brokenChannel_toldOnce_untilClearedByAPostThatWorked() {
    long id = store.add("C0SUPPORT", "U0DANA", ACME).subscription().id();

    assertThat(store.markBrokenTold(id)).isTrue();
    assertThat(store.markBrokenTold(id)).isFalse();
    store.clearBrokenTold(id);
    assertThat(store.markBrokenTold(id)).isTrue();
  }
}
