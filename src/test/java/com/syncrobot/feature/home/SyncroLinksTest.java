package com.syncrobot.feature.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncrobot.syncro.TicketId;
import org.junit.jupiter.api.Test;

final class SyncroLinksTest {
  private final SyncroLinks links = new SyncroLinks("https://acme.syncromsp.com/api/v1");

  @Test
  void ticketAndInvoiceLinksOnOurHost_recognisedAndNormalised() {
    assertThat(links.parse("https://acme.syncromsp.com/tickets/9001")).contains(
        new SyncroLinks.TicketLink("https://acme.syncromsp.com/tickets/9001", "https://acme.syncromsp.com/tickets/9001",
            new TicketId(9001)));
    assertThat(links.parse("https://ACME.syncromsp.com/invoices/6/?tab=lines#x")).contains(
        new SyncroLinks.InvoiceLink("https://ACME.syncromsp.com/invoices/6/?tab=lines#x",
            "https://acme.syncromsp.com/invoices/6", 6));
    assertThat(links.host()).isEqualTo("acme.syncromsp.com");
  }

  @Test
  void otherAccountsPathsAndJunk_ignored() {
    // Another account's id would be looked up in ours and could show an unrelated record.
    assertThat(links.parse("https://other.syncromsp.com/tickets/9001")).isEmpty();
    assertThat(links.parse("https://acme.syncromsp.com/customers/5")).isEmpty();
    assertThat(links.parse("https://acme.syncromsp.com/tickets/new")).isEmpty();
    assertThat(links.parse("https://acme.syncromsp.com/tickets/0")).isEmpty();
    assertThat(links.parse("https://acme.syncromsp.com:8443/tickets/1")).isEmpty();
    assertThat(links.parse("not a url at all")).isEmpty();
    assertThatThrownBy(() -> new SyncroLinks("acme")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void customBaseHostWithPort_matchesThatHostAndPort() {
    SyncroLinks local = new SyncroLinks("http://127.0.0.1:8089/api/v1");
    assertThat(local.parse("http://127.0.0.1:8089/tickets/5")).isPresent();
    assertThat(local.parse("http://127.0.0.1:9999/tickets/5")).isEmpty();
  }
}
