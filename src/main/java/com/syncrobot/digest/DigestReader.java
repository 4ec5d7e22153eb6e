package com.syncrobot.digest;

import com.syncrobot.syncro.LineItem;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroAuthException;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.SyncroNotFoundException;
import com.syncrobot.syncro.SyncroUser;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.syncro.TicketId;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a digest needs from Syncro through the given API (the schedule creator's token, at
 * background priority so interactive commands go first): all pages of open tickets, all pages of
 * Resolved tickets, technician names when the list lacks them, and the line items of at most {@code
 * maxLineItemReads} tickets, because the ticket list carries no line items and each needs its own
 * {@code GET /tickets/{id}}. Resolved tickets are checked first (they wait for an invoice), then open
 * tickets most recently updated first. Stateless apart from its settings; thread-safe.
 */
public final class DigestReader {
  /** The status that means "done, waiting for an invoice" (R9 sets Invoiced after invoicing). */
  public static final String RESOLVED = "Resolved";

  private static final Logger log = LoggerFactory.getLogger(DigestReader.class);

  private final Clock clock;
  private final int maxLineItemReads;

  /**
   * Creates a reader.
   *
   * @throws IllegalArgumentException if {@code maxLineItemReads} is negative
   */
  public DigestReader(Clock clock, int maxLineItemReads) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    if (maxLineItemReads < 0) {
      throw new IllegalArgumentException("maxLineItemReads must not be negative: " + maxLineItemReads);
    }
    this.maxLineItemReads = maxLineItemReads;
  }

  /**
   * Reads a snapshot.
   *
   * @throws SyncroException when the ticket lists cannot be read, or the token is refused at any point
   */
  public DigestSnapshot read(SyncroApi api) {
    List<Ticket> open = api.openTickets();
    List<Ticket> resolved = api.ticketsWithStatus(RESOLVED);
    Map<Long, String> names = techNames(api, open);

    List<Ticket> candidates = candidates(open, resolved);
    Map<TicketId, List<LineItem>> uninvoiced = new LinkedHashMap<>();
    int checked = 0;
    boolean cutShort = false;
    for (Ticket t : candidates) {
      if (checked >= maxLineItemReads) {
        break;
      }
      try {
        List<LineItem> items = api.uninvoicedLineItems(t.id());
        checked++;
        if (!items.isEmpty()) {
          uninvoiced.put(t.id(), items);
        }
      } catch (SyncroNotFoundException e) {
        // Deleted since the list was read.
        checked++;
      } catch (SyncroAuthException e) {
        throw e;
      } catch (SyncroException e) {
        // The lists are already in hand; a digest with fewer checked tickets beats none.
        log.info("Stopped reading ticket line items after {} of {}: {}", checked, candidates.size(),
            e.getClass().getSimpleName());
        cutShort = true;
        break;
      }
    }
    return new DigestSnapshot(clock.instant(), open, resolved, names, uninvoiced, checked, candidates.size(),
        cutShort);
  }

  private static List<Ticket> candidates(List<Ticket> open, List<Ticket> resolved) {
    List<Ticket> out = new ArrayList<>();
    resolved.stream()
        .sorted(Comparator.comparing(Ticket::createdAt,
            Comparator.nullsLast(Comparator.<OffsetDateTime>naturalOrder())))
        .forEach(out::add);
    open.stream()
        .sorted(Comparator.comparing(DigestReader::touched,
            Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder())))
        .forEach(out::add);
    Map<TicketId, Ticket> unique = new LinkedHashMap<>();
    out.forEach(t -> unique.putIfAbsent(t.id(), t));
    return new ArrayList<>(unique.values());
  }

  private static OffsetDateTime touched(Ticket t) {
    return t.updatedAt() != null ? t.updatedAt() : t.createdAt();
  }

  /** Names from the tickets themselves; {@code GET /users} only when some assigned ticket has none. */
  private static Map<Long, String> techNames(SyncroApi api, List<Ticket> open) {
    Map<Long, String> names = new HashMap<>();
    boolean missing = false;
    for (Ticket t : open) {
      if (t.userId() == null) {
        continue;
      }
      if (t.assignedTechName() != null && !t.assignedTechName().isBlank()) {
        names.putIfAbsent(t.userId(), t.assignedTechName().strip());
      } else if (!names.containsKey(t.userId())) {
        missing = true;
      }
    }
    if (missing) {
      try {
        for (SyncroUser u : api.users()) {
          if (!u.name().isBlank()) {
            names.putIfAbsent(u.id(), u.name().strip());
          }
        }
      } catch (SyncroException e) {
        // A token may lack the permission to list users; the digest then shows user ids.
        log.info("Could not read technician names: {}", e.getClass().getSimpleName());
      }
    }
    return names;
  }
}
