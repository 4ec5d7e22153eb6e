package com.syncrobot.playground.sandbox.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Changes made to tickets outside the bot, so notifications have something to announce: a customer
 * replying or writing in, a technician editing a ticket or adding an internal note in Syncro's web
 * UI. Each one touches the ticket's {@code updated_at}. Bad input throws before anything changes.
 * Not thread-safe: runs under the store's lock.
 */
final class Activity {
  static final String DEFAULT_REPLY = "Thanks for looking into this. It happened again this morning;"
      + " could someone call me back today?";
  static final String DEFAULT_SUBJECT = "Front desk printer shows offline";
  static final String DEFAULT_BODY = "Hi, the front desk printer shows offline again and nobody can print."
      + " Could someone take a look today?";
  /** Open statuses a technician moves a ticket between. */
  private static final List<String> WORKING = List.of("In Progress", "Waiting on Customer", "Waiting on Vendor",
      "Scheduled");
  private static final List<String> NOTES = List.of("Called the customer, no answer; left a voicemail.",
      "Checked the event log, nothing since the last reboot.", "Ordered the replacement part.",
      "Remoted in and cleared the print queue.", "Waiting for the vendor's callback.");
  private static final List<String> REPLIES = List.of(DEFAULT_REPLY, "Still not working, sorry.",
      "That fixed it for now, thanks!", "Any update on this?", "Can you come by tomorrow morning instead?");

  private Activity() {}

  /**
   * A customer answers on ticket {@code number} (by email or the portal): a public comment with no
   * user, written by the ticket's contact (or the customer), subject "Re: " and the ticket's subject.
   * The status becomes Customer Reply, as Syncro's default automation sets it, reopening a resolved
   * ticket.
   *
   * @throws UnknownRecordException if no ticket has that number
   */
  static SandboxChange customerReply(SandboxData d, long number, @Nullable String body, Instant now) {
    SandboxTicket t = byNumber(d, number);
    String author = customerAuthor(d, t.customerId(), t.contactId());
    SandboxComment c = comment(d, t, "Re: " + t.subject(), blank(body) ? DEFAULT_REPLY : body.strip(), false, author,
        null, now);
    SandboxTicket u = copy(t, Vocabulary.CUSTOMER_REPLY, t.userId(), t.priority(), t.resolvedAt(), now);
    d.tickets.put(u.id(), u);
    String customer = d.customerName(t.customerId());
    return new SandboxChange(SandboxChange.Kind.CUSTOMER_REPLY, u, customer, c,
        author + " (" + customer + ") replied on #" + t.number() + "; its status is now " + u.status());
  }

  /**
   * A customer writes in: a New, unassigned ticket created by no technician, with the customer's
   * Initial Issue comment. {@code customer} is an id or a name (exact, else a unique part of one);
   * blank means the first customer. Blank subject or body get realistic defaults.
   *
   * @throws UnknownRecordException if no customer matches
   * @throws IllegalArgumentException if several customers match
   */
  static SandboxChange newTicket(SandboxData d, @Nullable String customer, @Nullable String subject,
      @Nullable String body, Instant now) {
    SandboxCustomer c = findCustomer(d, customer);
    Long contact = d.contactsOf(c.id()).stream().findFirst().map(Catalog.Contact::id).orElse(null);
    long id = d.nextTicketId++;
    long number = d.nextTicketNumber++;
    SandboxTicket t = new SandboxTicket(id, number, blank(subject) ? DEFAULT_SUBJECT : subject.strip(), "New",
        "2 Normal", null, c.id(), contact, null, now, now, null, null, List.of(), null);
    d.tickets.put(id, t);
    String author = customerAuthor(d, c.id(), contact);
    SandboxComment first = comment(d, t, "Initial Issue", blank(body) ? DEFAULT_BODY : body.strip(), false, author,
        null, now);
    return new SandboxChange(SandboxChange.Kind.NEW_TICKET, t, c.displayName(), first,
        "Ticket #" + number + " created for " + c.displayName());
  }

  /**
   * A technician changes status, assignee or priority of ticket {@code number} in Syncro's web UI.
   *
   * @throws UnknownRecordException if no ticket has that number
   * @throws IllegalArgumentException if the edit is empty or names an unknown status, technician or
   *     priority
   */
  static SandboxChange edit(SandboxData d, long number, TicketEdit edit, Instant now) {
    SandboxTicket t = byNumber(d, number);
    if (edit.isEmpty()) {
      throw new IllegalArgumentException("Nothing to change on #" + number + ": give a status, a technician"
          + " (or none, to unassign) or a priority");
    }
    String status = edit.status() == null ? t.status() : Vocabulary.status(edit.status())
        .orElseThrow(() -> new IllegalArgumentException("Unknown status \"" + edit.status() + "\": use one of "
            + String.join(", ", Vocabulary.STATUSES)));
    Long assignee = edit.changesAssignee() ? edit.assignee() : t.userId();
    if (assignee != null && !d.techs.containsKey(assignee)) {
      throw new IllegalArgumentException("Unknown technician " + assignee + ": use one of " + d.techs.values()
          .stream().map(x -> x.id() + " (" + x.name() + ")").collect(Collectors.joining(", ")));
    }
    String priority = edit.priority() == null ? t.priority() : priority(edit.priority());
    Instant resolvedAt = Vocabulary.closed(status) && !Vocabulary.closed(t.status()) ? now : t.resolvedAt();
    SandboxTicket u = copy(t, status, assignee, priority, resolvedAt, now);
    d.tickets.put(u.id(), u);
    List<String> parts = new ArrayList<>();
    if (edit.status() != null) {
      parts.add("status " + status);
    }
    if (edit.changesAssignee()) {
      parts.add(assignee == null ? "unassigned" : "assigned to " + d.techs.get(assignee).name());
    }
    if (edit.priority() != null) {
      parts.add("priority " + priority);
    }
    return new SandboxChange(SandboxChange.Kind.TICKET_CHANGE, u, d.customerName(u.customerId()), null,
        "Ticket #" + number + " changed: " + String.join(", ", parts));
  }

  /**
   * Changes one open ticket (neither Resolved, Invoiced nor Closed), picked with {@code random}: a
   * move to another open status, an internal note by its technician, or a customer reply, a third
   * each.
   *
   * @throws IllegalStateException if no ticket is open
   */
  static SandboxChange random(SandboxData d, Random random, Instant now) {
    List<SandboxTicket> open = d.tickets.values().stream().filter(t -> Vocabulary.open(t.status())).toList();
    if (open.isEmpty()) {
      throw new IllegalStateException("No open ticket to change: add some with addOpenTickets");
    }
    SandboxTicket t = open.get(random.nextInt(open.size()));
    switch (random.nextInt(3)) {
      case 0 :
        List<String> others = WORKING.stream().filter(s -> !s.equals(t.status())).toList();
        return edit(d, t.number(), TicketEdit.none().withStatus(others.get(random.nextInt(others.size()))), now);
      case 1 :
        return internalNote(d, t, NOTES.get(random.nextInt(NOTES.size())), now);
      default :
        return customerReply(d, t.number(), REPLIES.get(random.nextInt(REPLIES.size())), now);
    }
  }

  /** Adds a hidden note by the ticket's technician (the first technician when it is unassigned). */
  private static SandboxChange internalNote(SandboxData d, SandboxTicket t, String body, Instant now) {
    SandboxTech tech = t.userId() != null && d.techs.containsKey(t.userId()) ? d.techs.get(t.userId())
        : d.techs.values().iterator().next();
    SandboxComment c = comment(d, t, "Update", body, true, tech.name(), tech.id(), now);
    SandboxTicket u = d.tickets.get(t.id());
    return new SandboxChange(SandboxChange.Kind.INTERNAL_NOTE, u, d.customerName(u.customerId()), c,
        tech.name() + " added an internal note on #" + t.number());
  }

  /** Adds a comment and touches its ticket; a null {@code userId} is the customer writing. */
  private static SandboxComment comment(SandboxData d, SandboxTicket t, String subject, String body, boolean hidden,
      String tech, @Nullable Long userId, Instant now) {
    long id = d.nextCommentId++;
    SandboxComment c = new SandboxComment(id, t.id(), subject, body, hidden, hidden, tech, userId, now);
    d.comments.put(id, c);
    d.tickets.put(t.id(), d.tickets.get(t.id()).touched(now));
    return c;
  }

  private static SandboxTicket copy(SandboxTicket t, String status, @Nullable Long userId, @Nullable String priority,
      @Nullable Instant resolvedAt, Instant now) {
    return new SandboxTicket(t.id(), t.number(), t.subject(), status, priority, t.problemType(), t.customerId(),
        t.contactId(), userId, t.createdAt(), now, t.dueDate(), resolvedAt, t.assetIds(), t.createdBy());
  }

  private static SandboxTicket byNumber(SandboxData d, long number) {
    for (SandboxTicket t : d.tickets.values()) {
      if (t.number() == number) {
        return t;
      }
    }
    long lowest = d.tickets.values().stream().mapToLong(SandboxTicket::number).min().orElse(0);
    long highest = d.tickets.values().stream().mapToLong(SandboxTicket::number).max().orElse(0);
    throw new UnknownRecordException("Unknown ticket #" + number + ": no ticket has that number"
        + (d.tickets.isEmpty() ? "; the sandbox holds no tickets"
            : "; the sandbox's run from #" + lowest + " to #" + highest));
  }

  /** The ticket's contact, else the customer's own name: who writes a customer's comment. */
  private static String customerAuthor(SandboxData d, long customerId, @Nullable Long contactId) {
    Catalog.Contact contact = contactId == null ? null : d.contacts.get(contactId);
    if (contact != null) {
      return contact.name();
    }
    SandboxCustomer c = d.customers.get(customerId);
    return c == null ? "Customer" : c.fullname().isBlank() ? c.displayName() : c.fullname();
  }

  private static SandboxCustomer findCustomer(SandboxData d, @Nullable String wanted) {
    if (blank(wanted)) {
      return d.customers.values().iterator().next();
    }
    String w = wanted.strip();
    if (w.chars().allMatch(Character::isDigit) && w.length() <= 18) {
      SandboxCustomer byId = d.customers.get(Long.parseLong(w));
      if (byId != null) {
        return byId;
      }
    }
    String lower = w.toLowerCase(Locale.ROOT);
    List<SandboxCustomer> exact = d.customers.values().stream()
        .filter(c -> c.displayName().equalsIgnoreCase(w) || c.fullname().equalsIgnoreCase(w)).toList();
    List<SandboxCustomer> hits = !exact.isEmpty() ? exact : d.customers.values().stream()
        .filter(c -> c.displayName().toLowerCase(Locale.ROOT).contains(lower)
            || c.fullname().toLowerCase(Locale.ROOT).contains(lower))
        .toList();
    if (hits.size() == 1) {
      return hits.get(0);
    }
    if (hits.isEmpty()) {
      throw new UnknownRecordException("Unknown customer \"" + w + "\": use one of " + names(d.customers.values())
          + " (a name or an id)");
    }
    throw new IllegalArgumentException("Customer \"" + w + "\" matches " + names(hits) + ": type more of the name");
  }

  private static String names(Collection<SandboxCustomer> customers) {
    return customers.stream().map(SandboxCustomer::displayName).collect(Collectors.joining(", "));
  }

  private static String priority(String wanted) {
    return Vocabulary.PRIORITIES.stream().filter(p -> !p.isEmpty() && p.equalsIgnoreCase(wanted.strip()))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("Unknown priority \"" + wanted + "\": use one of "
            + Vocabulary.PRIORITIES.stream().filter(p -> !p.isEmpty()).collect(Collectors.joining(", "))));
  }

  private static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }
}
