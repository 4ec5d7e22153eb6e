package com.syncrobot.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Channel subscriptions and the thread of each (subscription, ticket) in the bot's database. A channel
 * holds at most one active subscription per filter: adding is one conditional insert (a unique index over
 * the active ones), so two replicas adding the same one at once store it once. Removing keeps the row (its
 * id is never reused) and is one conditional update. A ticket's thread is recorded once; the first root
 * recorded wins. Thread-safe.
 */
public final class SubscriptionStore {
  private static final Logger log = LoggerFactory.getLogger(SubscriptionStore.class);
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final Jdbi jdbi;
  private final Clock clock;

  /** Creates a store over the bot's database ({@code Database.jdbi()}) that stamps times from {@code clock}. */
  public SubscriptionStore(Jdbi jdbi, Clock clock) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** What {@link #add} did: stored a new subscription, or found the channel's one with the same filter. */
  public record Added(Subscription subscription, boolean created) {}

  /** A ticket's thread in a subscription's channel: the first message about it, {@code rootTs}. */
  public record TicketThread(long subscriptionId, long ticketId, String channelId, String rootTs) {}

  /**
   * Stores a subscription of {@code channelId} read with {@code createdBy}'s token, unless the channel has an
   * active one with the same filter (then that one is returned, not created).
   */
  public Added add(String channelId, String createdBy, SubscriptionFilter filter) {
    requireText(channelId, "channelId");
    requireText(createdBy, "createdBy");
    long now = clock.millis();
    String key = key(filter);
    var row = new SubscriptionDao.InsertRow(channelId, createdBy, filter.customerId(), filter.customerName(),
        json(sorted(filter.statuses())), json(sorted(filter.priorities())), json(words(filter.events())), key, now);
    return jdbi.withExtension(SubscriptionDao.class, dao -> {
      boolean created = dao.insert(row) == 1;
      // Removed between the insert and this read (another replica): store it again, once.
      Optional<SubscriptionDao.Row> found = dao.findActive(channelId, key);
      if (found.isEmpty()) {
        created = dao.insert(row) == 1;
        found = dao.findActive(channelId, key);
      }
      SubscriptionDao.Row r = found.orElseThrow(() -> new IllegalStateException("subscription not stored"));
      return new Added(subscription(r).orElseThrow(), created);
    });
  }

  /** Every active subscription, oldest first; a row that no longer parses is logged and left out. */
  public List<Subscription> active() {
    return parse(jdbi.withExtension(SubscriptionDao.class, SubscriptionDao::active));
  }

  /** The active subscription with {@code id}, if there is one. */
  public Optional<Subscription> find(long id) {
    return jdbi.withExtension(SubscriptionDao.class, dao -> dao.find(id)).flatMap(SubscriptionStore::subscription);
  }

  /** The active subscriptions of {@code channelId}, oldest first. */
  public List<Subscription> inChannel(String channelId) {
    return parse(jdbi.withExtension(SubscriptionDao.class, dao -> dao.inChannel(channelId)));
  }

  /** Removes an active subscription; whether this call removed it (false: unknown, or removed before). */
  public boolean remove(long id) {
    long now = clock.millis();
    return jdbi.withExtension(SubscriptionDao.class, dao -> dao.remove(id, now)) == 1;
  }

  /** The recorded thread of {@code ticketId} in subscription {@code subscriptionId}'s channel, if any. */
  public Optional<TicketThread> thread(long subscriptionId, long ticketId) {
    return jdbi.withExtension(SubscriptionDao.class, dao -> dao.thread(subscriptionId, ticketId))
        .map(SubscriptionStore::thread);
  }

  /**
   * Records {@code rootTs} as the ticket's thread unless one is recorded already; returns the thread recorded
   * now (another caller's, when it was first).
   */
  public TicketThread recordThread(long subscriptionId, long ticketId, String channelId, String rootTs) {
    requireText(rootTs, "rootTs");
    var row = new SubscriptionDao.ThreadRow(subscriptionId, ticketId, channelId, rootTs, clock.millis());
    return jdbi.withExtension(SubscriptionDao.class, dao -> {
      dao.insertThread(row);
      return dao.thread(subscriptionId, ticketId).map(SubscriptionStore::thread)
          .orElseThrow(() -> new IllegalStateException("thread not stored"));
    });
  }

  /**
   * Records that the creator of {@code id} is being told that its channel takes no posts; true for the one
   * caller that is to tell them (until {@link #clearBrokenTold} after a post succeeds again).
   */
  public boolean markBrokenTold(long id) {
    long now = clock.millis();
    return jdbi.withExtension(SubscriptionDao.class, dao -> dao.markBrokenTold(id, now)) == 1;
  }

  /** Forgets that the creator was told: the channel takes posts again, so a new break is told again. */
  public void clearBrokenTold(long id) {
    jdbi.useExtension(SubscriptionDao.class, dao -> dao.clearBrokenTold(id));
  }

  /**
   * The filter in one canonical form: the same for filters that differ only in the case or order of names, so
   * that such a subscription counts as a duplicate.
   */
  static String key(SubscriptionFilter f) {
    return "customer=" + (f.customerId() == null ? "" : f.customerId())
        + "\nstatuses=" + String.join("\t", lower(f.statuses()))
        + "\npriorities=" + String.join("\t", lower(f.priorities()))
        + "\nevents=" + String.join(",", words(f.events()));
  }

  private static List<String> lower(Set<String> names) {
    return new ArrayList<>(names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT))
        .collect(Collectors.toCollection(TreeSet::new)));
  }

  private static List<String> sorted(Set<String> names) {
    return new ArrayList<>(new TreeSet<>(names));
  }

  /** The event words in the enum's order. */
  private static List<String> words(Set<EventKind> events) {
    return EnumSet.copyOf(events).stream().map(EventKind::word).toList();
  }

  private static List<Subscription> parse(List<SubscriptionDao.Row> rows) {
    List<Subscription> out = new ArrayList<>();
    rows.forEach(r -> subscription(r).ifPresent(out::add));
    return out;
  }

  private static Optional<Subscription> subscription(SubscriptionDao.Row r) {
    try {
      Set<EventKind> events = EnumSet.noneOf(EventKind.class);
      for (String w : JSON.readValue(r.events(), STRINGS)) {
        events.add(EventKind.parse(w).orElseThrow(() -> new IllegalArgumentException("unknown event " + w)));
      }
      var filter = new SubscriptionFilter(r.customerId(), r.customerName(), Set.copyOf(JSON.readValue(r.statuses(),
          STRINGS)), Set.copyOf(JSON.readValue(r.priorities(), STRINGS)), events);
      return Optional.of(new Subscription(r.id(), r.channelId(), r.createdBy(), filter,
          Instant.ofEpochMilli(r.createdAt())));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // One broken row must not stop the others.
      log.error("Subscription {} cannot be read and is skipped: {}", r.id(), e.getMessage());
      return Optional.empty();
    }
  }

  private static TicketThread thread(SubscriptionDao.ThreadRow r) {
    return new TicketThread(r.subscriptionId(), r.ticketId(), r.channelId(), r.rootTs());
  }

  private static String json(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
  }
}
