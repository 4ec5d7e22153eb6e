package com.syncrobot.draft;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.billing.Visibility;
import com.syncrobot.syncro.TicketNumber;
import org.junit.jupiter.api.Test;

/** The comment prompt for a ticket that does not exist yet (its Initial Issue, R13, R14). */
final class InitialIssuePromptTest {
  @Test
  void newTicket_promptSaysItIsTheInitialIssue_andThatTheCustomerReadsIt_R13() {
    String prompt = CommentDrafter.userPrompt(new CommentContext(null, "Printer jams", "Acme Dental", "Jane Tech",
        "tray 2 jams", Visibility.PUBLIC));

    assertThat(prompt).startsWith("New ticket (its Initial Issue comment): Printer jams\n")
        .contains("a public comment: the customer reads it", "tray 2 jams");
  }

  @Test
  void existingTicket_promptNamesItsNumber() {
    String prompt = CommentDrafter.userPrompt(new CommentContext(new TicketNumber(32203), "Printer jams", "Acme",
        "Jane", "notes", Visibility.INTERNAL));

    assertThat(prompt).startsWith("Ticket #32203: Printer jams\n");
  }
}
