package com.syncrobot.syncro;

/**
 * The API paths (relative to the API base) that code outside this package names: read steps of a
 * plan and messages. {@link SyncroApi} and {@link SyncroWrites} build the rest.
 */
public final class SyncroPaths {
  private SyncroPaths() {}

  /** Returns {@code /invoices/{id}}. */
  public static String invoice(long invoiceId) {
    return "/invoices/" + invoiceId;
  }

  /**
   * Returns {@code /invoices/{ref}} for an invoice id or a {@link SyncroWrites#stepId} placeholder,
   * which the plan engine replaces with the id of the invoice an earlier step created.
   */
  public static String invoice(String idOrStepId) {
    return "/invoices/" + idOrStepId;
  }

  /** Returns {@code /tickets?number=N}, the search for a ticket by the number people use (R26). */
  public static String ticketsNumbered(TicketNumber number) {
    return "/tickets?number=" + number.value();
  }

  static String ticket(TicketId ticket) {
    return "/tickets/" + ticket.value();
  }
}
