package com.syncrobot.slack.blocks;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.syncrobot.syncro.TicketNumber;
import java.util.List;
import java.util.Optional;

/**
 * The buttons every message about one ticket carries (a notification, an alert): View, Comment,
 * Assign to me and Bill, each with the ticket number as its value. {@code feature.assign} handles
 * the clicks, for whoever clicks, with their own Syncro token. Several tickets' buttons may sit in
 * one message: each ticket's block has its own block_id.
 */
public final class TicketButtons {
  /** Shows the ticket to the clicker only, as {@code /syncro ticket N} does. */
  public static final String VIEW = "ticket_view";
  /** Opens the comment dialog of {@code /syncro comment N}. */
  public static final String COMMENT = "ticket_comment";
  /** Previews assigning the ticket to the clicker. */
  public static final String ASSIGN = "ticket_assign";
  /** Opens the billing dialog of {@code /syncro bill N}. */
  public static final String BILL = "ticket_bill";
  /** Every action id above, in the order the buttons appear. */
  public static final List<String> ACTION_IDS = List.of(VIEW, COMMENT, ASSIGN, BILL);

  private static final String BLOCK_PREFIX = "ticket_buttons_";

  private TicketButtons() {}

  /** Returns the actions block with the four buttons of ticket {@code number}; its block_id names the ticket. */
  public static LayoutBlock forTicket(TicketNumber number) {
    String value = Long.toString(number.value());
    List<BlockElement> buttons = List.of(
        button(VIEW, "View", value),
        button(COMMENT, "Comment", value),
        button(ASSIGN, "Assign to me", value),
        button(BILL, "Bill", value));
    return ActionsBlock.builder().blockId(BLOCK_PREFIX + value).elements(buttons).build();
  }

  /** Returns the ticket a button of {@link #forTicket} names; empty for any other value. */
  public static Optional<TicketNumber> ticketOf(String value) {
    return value.chars().allMatch(c -> c >= '0' && c <= '9') ? TicketNumber.parse(value) : Optional.empty();
  }

  private static ButtonElement button(String actionId, String label, String value) {
    return ButtonElement.builder().actionId(actionId).text(plainText(label, true)).value(value).build();
  }
}
