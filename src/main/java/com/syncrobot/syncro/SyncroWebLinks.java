package com.syncrobot.syncro;

/**
 * Links into Syncro's web app (e.g. {@code https://acme.syncromsp.com}, no trailing slash), for
 * people to open a ticket or an invoice from Slack.
 */
public final class SyncroWebLinks {
  private SyncroWebLinks() {}

  /** Returns the ticket's page, {@code {webUrl}/tickets/{id}}. */
  public static String ticket(String webUrl, TicketId ticket) {
    return webUrl + "/tickets/" + ticket.value();
  }

  /** Returns the invoice's page, {@code {webUrl}/invoices/{id}}. */
  public static String invoice(String webUrl, long invoiceId) {
    return webUrl + "/invoices/" + invoiceId;
  }
}
