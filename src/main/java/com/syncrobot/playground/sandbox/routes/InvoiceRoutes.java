package com.syncrobot.playground.sandbox.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.syncrobot.playground.sandbox.model.Invoicing;
import com.syncrobot.playground.sandbox.model.SandboxData;
import com.syncrobot.playground.sandbox.model.SandboxInvoice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@code GET/POST /invoices}, {@code GET/DELETE /invoices/{id}}. */
record InvoiceRoutes(Env env) {
  void register(Router r) {
    r.add("GET", "/invoices", this::list);
    r.add("GET", "/invoices/{id}", this::show);
    r.add("POST", "/invoices", this::create);
    r.add("DELETE", "/invoices/{id}", this::delete);
  }

  /** The list shape carries no line items; {@code ticket_id} filters, newest first. */
  private SandboxReply list(Call c) {
    return env.apply(c, (d, p) -> {
      Long ticket = p.longValue("ticket_id");
      List<SandboxInvoice> hits = new ArrayList<>();
      for (SandboxInvoice i : d.invoices.values()) {
        if (ticket == null || ticket.equals(i.ticketId())) {
          hits.add(i);
        }
      }
      hits.sort(Comparator.comparingLong(SandboxInvoice::id).reversed());
      Paging<SandboxInvoice> page = Paging.of(hits, Paging.page(p), env.knobs.listPageSize());
      ArrayNode items = Json.arr();
      page.items().forEach(i -> items.add(env.billing.invoice(d, i, false, env.customers)));
      return SandboxReply.ok(Json.wrap("invoices", items).set("meta", page.shortMeta()));
    });
  }

  /** Wrapped as {@code invoice} with line items; the path takes the id or the number. */
  private SandboxReply show(Call c) {
    return env.store.apply(d -> find(d, c.id())
        .map(i -> SandboxReply.ok(Json.wrap("invoice", env.billing.invoice(d, i, true, env.customers))))
        .orElseGet(SandboxReply::notFound));
  }

  /** Makes an invoice from the ticket's uninvoiced line items (see {@link Invoicing}); no line items in the reply. */
  private SandboxReply create(Call c) {
    return env.apply(c, (d, p) -> {
      Long customerId = p.longValue("customer_id");
      if (customerId == null || !d.customers.containsKey(customerId)) {
        return Errors.messages(List.of("Customer can't be blank"));
      }
      Long ticketId = p.longValue("ticket_id");
      if (ticketId != null && !d.tickets.containsKey(ticketId)) {
        return Errors.messages(List.of("Ticket must exist"));
      }
      Instant now = env.now();
      SandboxInvoice invoice = Invoicing.create(d, customerId, ticketId,
          p.blank("category") ? "Standard" : p.text("category"), c.tech().id(), now, env.ts.localDate(now),
          env.knobs.taxRatePercent());
      if (ticketId != null) {
        // Its line items moved onto the invoice.
        d.tickets.put(ticketId, d.tickets.get(ticketId).touched(now));
      }
      return SandboxReply.ok(Json.wrap("invoice", env.billing.invoice(d, invoice, false, env.customers)));
    });
  }

  /** Answers 200 whatever happens, like Syncro; with the knob on, it deletes nothing. */
  private SandboxReply delete(Call c) {
    return env.store.apply(d -> {
      SandboxInvoice invoice = d.invoices.get(c.id());
      Instant now = env.now();
      if (!env.knobs.invoiceDeleteFailsSilently() && Invoicing.delete(d, c.id(), now) && invoice != null
          && invoice.ticketId() != null && d.tickets.containsKey(invoice.ticketId())) {
        // Its line items went back to the ticket, uninvoiced.
        d.tickets.put(invoice.ticketId(), d.tickets.get(invoice.ticketId()).touched(now));
      }
      return SandboxReply.ok(Json.obj().put("message", "Invoice was successfully deleted."));
    });
  }

  private static Optional<SandboxInvoice> find(SandboxData d, long idOrNumber) {
    SandboxInvoice byId = d.invoices.get(idOrNumber);
    if (byId != null) {
      return Optional.of(byId);
    }
    String number = Long.toString(idOrNumber);
    return d.invoices.values().stream().filter(i -> i.number().equals(number)).findFirst();
  }
}
