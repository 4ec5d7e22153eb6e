package com.syncrobot.write;

import com.syncrobot.syncro.Appointment;
import com.syncrobot.syncro.Comment;
import com.syncrobot.syncro.Invoice;
import com.syncrobot.syncro.LineItem;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroNotFoundException;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.syncro.TicketTimer;
import com.syncrobot.text.CommentText;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Reads Syncro to decide whether a step with an unknown outcome happened (R2). Syncro errors
 * propagate: the engine tells "unreachable, check later" from "cannot decide".
 */
final class CheckVerifier {
  private final Duration tolerance;

  /**
   * Creates a verifier that counts a matching comment of a plan stored without the ticket's earlier
   * comment ids only if it was created no earlier than {@code tolerance} before the step was sent.
   * Ticket creation is checked the same way.
   */
  CheckVerifier(Duration tolerance) {
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("negative tolerance: " + tolerance);
    }
    this.tolerance = tolerance;
  }

  Verdict verify(SyncroApi api, Check check, Instant sentAt) {
    return verify(api, check, sentAt, step -> Optional.empty());
  }

  /** Verifies {@code check}, first filling in the earlier steps' ids it names ({@code ids}: step → id). */
  Verdict verify(SyncroApi api, Check check, Instant sentAt, IntFunction<Optional<Long>> ids) {
    Objects.requireNonNull(api, "api == null");
    if (check instanceof Check.WithStepIds w) {
      Check bound;
      try {
        bound = PlanJson.readCheck(Placeholders.resolve(w.template(), ids));
      } catch (Placeholders.UnresolvedPlaceholderException e) {
        return new Verdict.Undecided("the check needs the id from step " + (e.step() + 1) + ", which is not known");
      }
      return verify(api, bound, sentAt, ids);
    }
    if (check instanceof Check.TicketCreated t) {
      return ticketCreated(api, t, sentAt);
    }
    if (check instanceof Check.AppointmentAt a) {
      return appointmentAt(api, a);
    }
    if (check instanceof Check.CommentExists c) {
      return commentExists(api, c, sentAt);
    }
    if (check instanceof Check.TicketFieldsAre t) {
      return ticketFieldsAre(api, t);
    }
    if (check instanceof Check.TicketAssigned a) {
      return ticketAssigned(api, a);
    }
    if (check instanceof Check.LineItemExists l) {
      return lineItemExists(api, l);
    }
    if (check instanceof Check.InvoiceForTicket i) {
      return invoiceForTicket(api, i);
    }
    if (check instanceof Check.InvoiceDeleted d) {
      return invoiceDeleted(api, d);
    }
    if (check instanceof Check.LineItemPriced p) {
      return lineItemPriced(api, p);
    }
    if (check instanceof Check.TimerExists t) {
      return timerExists(api, t);
    }
    if (check instanceof Check.TimerCharged c) {
      return timerCharged(api, c);
    }
    if (check instanceof Check.None n) {
      return new Verdict.Undecided("cannot be checked automatically; " + n.hint());
    }
    throw new IllegalStateException("no verifier for " + check.getClass().getName());
  }

  private Verdict commentExists(SyncroApi api, Check.CommentExists c, Instant sentAt) {
    if (c.knownBefore() == null) {
      return commentSince(api, c, sentAt);
    }
    List<Comment> comments = api.comments(c.ticket());
    List<Comment> fresh = new ArrayList<>();
    int known = 0;
    for (Comment comment : comments) {
      if (!CommentText.same(comment.subject(), c.subject()) || !CommentText.same(comment.body(), c.body())) {
        continue;
      }
      if (c.knownBefore().contains(comment.id())) {
        known++;
      } else {
        fresh.add(comment);
      }
    }
    Optional<Comment> first = fresh.stream().min(Comparator.comparingLong(Comment::id));
    if (first.isPresent()) {
      return new Verdict.Found(first.get().id(), "comment " + first.get().id() + " on ticket " + c.ticket()
          + " is new and has the same subject and body" + (fresh.size() > 1 ? " (" + fresh.size() + " such comments)"
              : ""));
    }
    return new Verdict.Absent("none of the ticket's " + comments.size() + " comments is a new one with the same"
        + " subject and body" + (known > 0 ? " (" + known + " identical comment(s) were there before and do not count)"
            : ""));
  }

  /** The rule for plans stored before comment ids were recorded: a match created since shortly before sending. */
  private Verdict commentSince(SyncroApi api, Check.CommentExists c, Instant sentAt) {
    Instant earliest = sentAt.minus(tolerance);
    List<Comment> comments = api.comments(c.ticket());
    Dated<Comment> same = Dated.split(comments,
        x -> CommentText.same(x.subject(), c.subject()) && CommentText.same(x.body(), c.body()), Comment::createdAt,
        earliest);
    Optional<Comment> first = same.first();
    if (first.isPresent()) {
      return new Verdict.Found(first.get().id(), "comment " + first.get().id() + " on ticket " + c.ticket()
          + " has the same subject and body" + (same.recent().size() > 1 ? " (" + same.recent().size()
              + " such comments)" : ""));
    }
    if (same.undated() > 0) {
      return new Verdict.Undecided(same.undated() + " comment(s) with the same subject and body have no creation"
          + " time");
    }
    return new Verdict.Absent("none of the ticket's " + comments.size() + " comments has the same subject and body"
        + " since " + earliest + (same.older() > 0 ? " (" + same.older() + " identical older comment(s) do not count)"
            : ""));
  }

  private Verdict ticketCreated(SyncroApi api, Check.TicketCreated c, Instant sentAt) {
    Instant from = c.createdAfter().isBefore(sentAt) ? c.createdAfter() : sentAt;
    Instant earliest = from.minus(tolerance);
    List<Ticket> tickets = api.ticketsOfCustomer(c.customer());
    Dated<Ticket> same = Dated.split(tickets, t -> sameSubject(t.subject(), c.subject()), Ticket::createdAt, earliest);
    Optional<Ticket> first = same.first();
    if (first.isPresent()) {
      return new Verdict.Found(first.get().id().value(), "ticket " + first.get().number() + " of customer "
          + c.customer() + " has the subject and was created at " + first.get().createdAt()
          + (same.recent().size() > 1 ? " (" + same.recent().size() + " such tickets)" : ""));
    }
    if (same.undated() > 0) {
      return new Verdict.Undecided(same.undated() + " ticket(s) of customer " + c.customer()
          + " with that subject have no creation time");
    }
    return new Verdict.Absent("none of the " + tickets.size() + " tickets of customer " + c.customer()
        + " has that subject since " + earliest + (same.older() > 0 ? " (" + same.older()
            + " older one(s) do not count)" : ""));
  }

  /**
   * The items a check matched, split by when they were created: the {@code recent} ones (no earlier
   * than {@code earliest}), how many are {@code older}, and how many have no creation time.
   */
  private record Dated<T>(List<T> recent, int older, int undated, Optional<T> first) {
    static <T> Dated<T> split(List<T> items, Predicate<T> matches, Function<T, @Nullable OffsetDateTime> createdAt,
        Instant earliest) {
      List<T> recent = new ArrayList<>();
      int older = 0;
      int undated = 0;
      for (T item : items) {
        if (!matches.test(item)) {
          continue;
        }
        OffsetDateTime at = createdAt.apply(item);
        if (at == null) {
          undated++;
        } else if (at.toInstant().isBefore(earliest)) {
          older++;
        } else {
          recent.add(item);
        }
      }
      Optional<T> first = recent.stream()
          .min(Comparator.comparing((T x) -> Objects.requireNonNull(createdAt.apply(x)).toInstant()));
      return new Dated<>(recent, older, undated, first);
    }
  }

  private static boolean sameSubject(String a, String b) {
    return a.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)
        .equals(b.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
  }

  private static Verdict appointmentAt(SyncroApi api, Check.AppointmentAt c) {
    // Syncro filters by the account's local dates: a day either side covers every offset.
    LocalDate day = c.startAt().atOffset(ZoneOffset.UTC).toLocalDate();
    List<Appointment> listed = api.appointments(day.minusDays(1), day.plusDays(1));
    List<Appointment> candidates = listed.stream().filter(a -> c.appointment() != null
        ? a.id() == c.appointment()
        : a.ticketId() != null && a.ticketId() == Objects.requireNonNull(c.ticket()).value()).toList();
    for (Appointment a : candidates) {
      if (a.startAt().toInstant().equals(c.startAt())) {
        return new Verdict.Found(a.id(), "appointment " + a.id() + " starts at " + c.startAt());
      }
    }
    String which = c.appointment() != null ? "appointment " + c.appointment() : "appointment of ticket " + c.ticket();
    if (candidates.isEmpty()) {
      return new Verdict.Absent("no " + which + " among the " + listed.size() + " appointments listed from "
          + day.minusDays(1) + " to " + day.plusDays(1));
    }
    String elsewhere = String.join(", ", candidates.stream().map(a -> a.startAt().toInstant().toString()).toList());
    if (c.appointment() != null) {
      // Moving again is harmless: the owner may resend the PUT.
      return new Verdict.Absent(which + " starts at " + elsewhere + ", not " + c.startAt());
    }
    // A new ticket's appointment at another time may be ours, shifted by Syncro: a person decides.
    return new Verdict.Undecided("ticket " + c.ticket() + " has an appointment at " + elsewhere + ", not at "
        + c.startAt());
  }

  private static Verdict ticketFieldsAre(SyncroApi api, Check.TicketFieldsAre check) {
    Ticket ticket = api.ticket(check.ticket());
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, String> e : check.expected().entrySet()) {
      String actual = field(ticket, e.getKey());
      if (actual == null || !actual.strip().equalsIgnoreCase(e.getValue().strip())) {
        differences.add(e.getKey() + " is '" + actual + "', not '" + e.getValue() + "'");
      }
    }
    if (differences.isEmpty()) {
      return new Verdict.Found(ticket.id().value(), "ticket " + ticket.number() + " shows " + check.expected());
    }
    return new Verdict.Absent("ticket " + ticket.number() + ": " + String.join("; ", differences));
  }

  private static Verdict ticketAssigned(SyncroApi api, Check.TicketAssigned check) {
    Ticket ticket = api.ticket(check.ticket());
    Long now = ticket.userId();
    if (now != null && now == check.userId()) {
      return new Verdict.Found(ticket.id().value(), "ticket " + ticket.number() + " is assigned to user "
          + check.userId());
    }
    return new Verdict.Absent("ticket " + ticket.number() + " is assigned to " + (now == null ? "nobody"
        : "user " + now) + ", not user " + check.userId());
  }

  private static Verdict lineItemExists(SyncroApi api, Check.LineItemExists c) {
    List<LineItem> items = api.ticket(c.ticket()).lineItems();
    List<LineItem> matches = new ArrayList<>();
    int known = 0;
    for (LineItem li : items) {
      boolean same = li.productId() != null && li.productId() == c.productId()
          && li.quantity().compareTo(c.quantity()) == 0
          && CommentText.same(li.description() == null ? "" : li.description(), c.description());
      if (!same) {
        continue;
      }
      if (c.knownBefore().contains(li.id())) {
        known++;
      } else if (!li.invoiced()) {
        matches.add(li);
      }
    }
    Optional<LineItem> first = matches.stream().min(Comparator.comparingLong(LineItem::id));
    if (first.isPresent()) {
      return new Verdict.Found(first.get().id(), "line item " + first.get().id() + " on ticket " + c.ticket()
          + " is new and has product " + c.productId() + ", quantity " + c.quantity().toPlainString()
          + " and the same description" + (matches.size() > 1 ? " (" + matches.size() + " such lines)" : ""));
    }
    return new Verdict.Absent("none of the ticket's " + items.size() + " line items is a new, uninvoiced line with"
        + " product " + c.productId() + ", quantity " + c.quantity().toPlainString() + " and the same description"
        + (known > 0 ? " (" + known + " identical line(s) were there before and do not count)" : ""));
  }

  private static Verdict invoiceForTicket(SyncroApi api, Check.InvoiceForTicket c) {
    List<Invoice> invoices = api.invoicesForTicket(c.ticket());
    List<Invoice> fresh = invoices.stream().filter(i -> !c.knownBefore().contains(i.id()))
        .sorted(Comparator.comparingLong(Invoice::id)).toList();
    if (!fresh.isEmpty()) {
      Invoice i = fresh.get(0);
      return new Verdict.Found(i.id(), "GET /invoices?ticket_id=" + c.ticket() + " lists invoice "
          + (i.number() == null ? "id " + i.id() : i.number() + " (id " + i.id() + ")") + ", made after the plan"
          + (fresh.size() > 1 ? " (" + fresh.size() + " new invoices: check them in Syncro)" : ""));
    }
    return new Verdict.Absent("GET /invoices?ticket_id=" + c.ticket() + " lists " + invoices.size()
        + " invoice(s), none made after the plan");
  }

  private static Verdict invoiceDeleted(SyncroApi api, Check.InvoiceDeleted c) {
    try {
      Invoice still = api.invoice(c.invoiceId());
      return new Verdict.Absent("invoice id " + still.id() + " is still there");
    } catch (SyncroNotFoundException e) {
      return new Verdict.Found(c.invoiceId(), "GET /invoices/" + c.invoiceId() + " answers 404: it is gone");
    }
  }

  private static Verdict lineItemPriced(SyncroApi api, Check.LineItemPriced c) {
    Optional<LineItem> line = api.ticket(c.ticket()).lineItems().stream()
        .filter(li -> li.id() == c.lineItemId()).findFirst();
    if (line.isEmpty()) {
      return new Verdict.Undecided("line item " + c.lineItemId() + " is no longer on ticket " + c.ticket());
    }
    BigDecimal price = line.get().priceRetail();
    if (price != null && price.compareTo(c.priceRetail()) == 0) {
      return new Verdict.Found(c.lineItemId(), "line item " + c.lineItemId() + " shows the price $"
          + price.toPlainString());
    }
    return new Verdict.Absent("line item " + c.lineItemId() + " shows "
        + (price == null ? "no price" : "the price $" + price.toPlainString()) + ", not $"
        + c.priceRetail().toPlainString());
  }

  private static Verdict timerExists(SyncroApi api, Check.TimerExists c) {
    List<TicketTimer> timers = api.ticketTimers(c.ticket());
    List<TicketTimer> matches = timers.stream()
        .filter(t -> !c.knownBefore().contains(t.id()))
        .filter(t -> CommentText.same(t.notes() == null ? "" : t.notes(), c.notes()))
        .filter(t -> t.minutes() == null || Math.abs(t.minutes() - c.minutes()) <= 1)
        .sorted(Comparator.comparingLong(TicketTimer::id))
        .toList();
    if (!matches.isEmpty()) {
      return new Verdict.Found(matches.get(0).id(), "timer entry " + matches.get(0).id() + " on ticket "
          + c.ticket() + " is new and has the same notes" + (matches.size() > 1 ? " (" + matches.size()
              + " such timers)" : ""));
    }
    return new Verdict.Absent("none of the ticket's " + timers.size() + " timer entries is a new one with the same"
        + " notes");
  }

  private static Verdict timerCharged(SyncroApi api, Check.TimerCharged c) {
    Optional<TicketTimer> timer = api.ticketTimers(c.ticket()).stream().filter(t -> t.id() == c.timerId()).findFirst();
    if (timer.isEmpty()) {
      return new Verdict.Undecided("timer entry " + c.timerId() + " is no longer on ticket " + c.ticket());
    }
    if (timer.get().recorded()) {
      return new Verdict.Found(c.timerId(), "timer entry " + c.timerId() + " shows recorded (charged)"
          + (timer.get().ticketLineItemId() == null ? "" : " as line item " + timer.get().ticketLineItemId()));
    }
    return new Verdict.Absent("timer entry " + c.timerId() + " is not recorded (not charged)");
  }

  private static @Nullable String field(Ticket ticket, String name) {
    switch (name) {
      case "status" :
        return ticket.status();
      case "priority" :
        return ticket.priority();
      case "problem_type" :
        return ticket.problemType();
      case "subject" :
        return ticket.subject();
      default :
        throw new IllegalArgumentException("unknown ticket field " + name);
    }
  }
}
