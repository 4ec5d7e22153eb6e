package com.syncrobot.slack.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.syncrobot.syncro.TicketNumber;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class TicketButtonsTest {
  @Test
  void forTicket_fourButtonsCarryingTheNumber_blockIdPerTicket() {
    LayoutBlock one = TicketButtons.forTicket(new TicketNumber(32203));
    LayoutBlock two = TicketButtons.forTicket(new TicketNumber(32204));

    ActionsBlock a = (ActionsBlock) one;
    List<ButtonElement> buttons = a.getElements().stream().map(ButtonElement.class::cast).toList();
    assertThat(buttons).extracting(ButtonElement::getActionId)
        .containsExactly("ticket_view", "ticket_comment", "ticket_assign", "ticket_bill");
    assertThat(buttons).extracting(b -> b.getText().getText())
        .containsExactly("View", "Comment", "Assign to me", "Bill");
    assertThat(buttons).extracting(ButtonElement::getValue).containsOnly("32203");
    // Several tickets' buttons in one message: each block is told apart by its id.
    assertThat(a.getBlockId()).isNotEqualTo(((ActionsBlock) two).getBlockId()).contains("32203");
  }

  @Test
  void ticketOf_readsOnlyTheDecimalNumber() {
    assertThat(TicketButtons.ticketOf("32203")).contains(new TicketNumber(32203));
    assertThat(TicketButtons.ticketOf("#32203")).isEqualTo(Optional.empty());
    assertThat(TicketButtons.ticketOf("0")).isEmpty();
    assertThat(TicketButtons.ticketOf("plan-1")).isEmpty();
  }
}
