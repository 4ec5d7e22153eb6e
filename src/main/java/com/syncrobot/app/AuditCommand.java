package com.syncrobot.app;

import com.syncrobot.store.Database;
import com.syncrobot.syncro.TicketNumber;
import com.syncrobot.write.AuditEntry;
import com.syncrobot.write.AuditQuery;
import com.syncrobot.write.PlanStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints every Syncro write the bot sent: who, whose token, when, what was sent, what came back. */
@Command(name = "audit", description = "Print the executed Syncro writes, newest last.")
final class AuditCommand implements Callable<Integer> {
  private static final Pattern AGO = Pattern.compile("(\\d{1,4})([dh])");
  private final Main.Cli cli;

  @Option(names = "--ticket", description = "Only this ticket number, e.g. 32203.")
  @Nullable
  String ticket;

  @Option(names = "--since",
      description = "Only sends since a date (2026-11-01), an instant (2026-11-01T08:00:00Z) or an age (7d, 12h).")
  @Nullable
  String since;

  @Option(names = "--user", description = "Only this Slack user id, e.g. U04ABCDEF.")
  @Nullable
  String user;

  @Option(names = "--bodies", description = "Also print each request body and Syncro's answer.")
  boolean bodies;

  AuditCommand(Main.Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    TicketNumber number = null;
    if (ticket != null) {
      Optional<TicketNumber> parsed = TicketNumber.parse(ticket);
      if (parsed.isEmpty()) {
        cli.err().println("'" + ticket + "' is not a ticket number (like 32203).");
        return 2;
      }
      number = parsed.get();
    }
    Instant from = null;
    if (since != null) {
      Optional<Instant> parsed = parseSince(since, cli.clock().instant());
      if (parsed.isEmpty()) {
        cli.err().println(
            "'" + since + "' is not a date (2026-11-01), an instant (2026-11-01T08:00:00Z) or an age (7d, 12h).");
        return 2;
      }
      from = parsed.get();
    }
    if (user != null && !UsersCommand.validSlackUser(cli, user)) {
      return 2;
    }
    try (Database db = Storage.existingDatabase(cli.config())) {
      List<AuditEntry> entries = new PlanStore(db.jdbi()).audit(new AuditQuery(number, from, user));
      if (entries.isEmpty()) {
        cli.out().println("No Syncro writes match.");
        return 0;
      }
      for (AuditEntry e : entries) {
        cli.out().println(e.line());
        if (bodies) {
          cli.out().println("    sent:     " + (e.body() == null ? "(no body)" : e.body()));
          cli.out().println("    received: " + (e.resultBody() == null ? "(nothing)" : e.resultBody()));
        }
      }
      return 0;
    }
  }

  static Optional<Instant> parseSince(String text, Instant now) {
    Matcher ago = AGO.matcher(text);
    if (ago.matches()) {
      long n = Long.parseLong(ago.group(1));
      return Optional.of(now.minus(ago.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n)));
    }
    try {
      return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException notADate) {
      try {
        return Optional.of(Instant.parse(text));
      } catch (DateTimeParseException notAnInstant) {
        return Optional.empty();
      }
    }
  }
}
