package com.syncrobot.feature.comment;

import com.syncrobot.slack.blocks.DisplayTime;

import com.syncrobot.syncro.Comment;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.text.CommentHtml;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The session log of a closed ticket (R16): a Markdown summary with the ticket's number, subject,
 * customer and status, every comment in chronological order with who, when and who could see it,
 * and the resolution.
 */
public final class SessionLog {
  private SessionLog() {}

  /** Returns the Markdown; {@code resolution} is the comment the close posted, when known. */
  static String markdown(Ticket ticket, List<Comment> comments, @Nullable Comment resolution) {
    StringBuilder md = new StringBuilder();
    md.append("# Ticket #").append(ticket.number().value()).append(" — ").append(oneLine(ticket.subject()))
        .append("\n\n");
    md.append("- **Customer:** ").append(oneLine(ticket.customerName())).append('\n');
    md.append("- **Status:** ").append(oneLine(ticket.status())).append('\n');
    if (ticket.priority() != null) {
      md.append("- **Priority:** ").append(oneLine(ticket.priority())).append('\n');
    }
    md.append("- **Created:** ").append(DisplayTime.format(ticket.createdAt())).append('\n');
    md.append("\n## Comments (oldest first)\n");
    List<Comment> ordered = new ArrayList<>(comments);
    ordered.sort(Comparator.comparing((Comment c) -> c.createdAt() == null ? java.time.OffsetDateTime.MIN
        : c.createdAt()).thenComparingLong(Comment::id));
    for (Comment c : ordered) {
      md.append("\n### ").append(DisplayTime.format(c.createdAt())).append(" — ")
          .append(c.tech() == null ? "unknown" : oneLine(c.tech())).append(" — ")
          .append(c.hidden() ? "internal note" : "public").append('\n');
      md.append("**").append(oneLine(c.subject())).append("**\n\n").append(CommentHtml.toText(c.body())).append('\n');
    }
    md.append("\n## Resolution\n\n");
    md.append(resolution == null ? "_(see the last comment above)_" : CommentHtml.toText(resolution.body()))
        .append('\n');
    return md.toString();
  }

  /** Returns {@code dir/<customer>/<number>-<date>.md}, with the customer name made safe as a folder name. */
  static Path file(Path dir, Ticket ticket, LocalDate date) {
    return dir.resolve(folderName(ticket.customerName())).resolve(ticket.number().value() + "-" + date + ".md");
  }

  static String folderName(String customer) {
    String s = customer.strip().replaceAll("[^\\p{L}\\p{N} ._-]", "_").replaceAll("\\s+", " ");
    s = s.replaceAll("^[.\\s]+", "");
    if (s.isEmpty()) {
      s = "unknown-customer";
    }
    return s.length() > 80 ? s.substring(0, 80) : s;
  }

  static String fileName(Ticket ticket, LocalDate date) {
    return "ticket-" + ticket.number().value() + "-" + date + ".md";
  }

  private static String oneLine(String s) {
    String t = s.replace('\n', ' ').replace('\r', ' ').strip();
    return t.isEmpty() ? "—" : t;
  }
}
