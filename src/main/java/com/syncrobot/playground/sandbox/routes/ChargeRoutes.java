package com.syncrobot.playground.sandbox.routes;

import com.syncrobot.playground.sandbox.model.Catalog;
import com.syncrobot.playground.sandbox.model.SandboxLineItem;
import com.syncrobot.playground.sandbox.model.SandboxTimer;
import com.syncrobot.playground.sandbox.model.Seed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A ticket's charges: {@code add_line_item} (flat), {@code update_line_item} ({@code
 * ticket_line_item} wrapper), {@code timer_entry} and {@code charge_timer_entry} (flat timers, R12).
 */
record ChargeRoutes(Env env) {
  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

  void register(Router r) {
    r.add("POST", "/tickets/{id}/add_line_item", this::add);
    r.add("PUT", "/tickets/{id}/update_line_item", this::update);
    r.add("POST", "/tickets/{id}/timer_entry", this::timer);
    r.add("POST", "/tickets/{id}/charge_timer_entry", this::charge);
  }

  /**
   * Needs name and description even with a product. Only {@code price_retail} sets the price, never
   * the product's rate ({@code price}, {@code retail_price}, {@code rate}, {@code price_cents} are
   * dropped), so without it the line is $0.00; {@code taxable} defaults to true (R6).
   */
  private SandboxReply add(Call c) {
    return env.onTicket(c, (d, t, p) -> {
      List<String> problems = Errors.blanks(p, false, "name", "description");
      if (!problems.isEmpty()) {
        return Errors.errorsString(problems);
      }
      BigDecimal qty = p.decimal("quantity");
      Instant now = env.now();
      SandboxLineItem li = new SandboxLineItem(d.nextLineItemId++, t.id(), c.tech().id(), p.longValue("product_id"),
          p.text("name"), p.text("description"), qty == null ? BigDecimal.ONE : qty, p.decimal("price_retail"),
          p.decimal("price_cost"), p.bool("taxable", true), d.lineItemsOf(t.id()).size() + 1, null, now, now);
      d.lineItems.put(li.id(), li);
      d.tickets.put(t.id(), t.touched(now));
      return SandboxReply.ok(env.billing.lineItem(d, li));
    });
  }

  /** Changes the fields sent on the line {@code ticket_line_item_id} of this ticket, invoiced or not. */
  private SandboxReply update(Call c) {
    return env.onTicket(c, (d, t, p) -> {
      Long lineId = p.longValue("ticket_line_item_id");
      SandboxLineItem li = lineId == null ? null : d.lineItems.get(lineId);
      if (li == null || li.ticketId() != t.id()) {
        return SandboxReply.notFound();
      }
      List<String> problems = Errors.blanks(p, true, "name", "description");
      if (!problems.isEmpty()) {
        return Errors.messages(problems);
      }
      BigDecimal qty = p.decimal("quantity");
      Instant now = env.now();
      SandboxLineItem u = new SandboxLineItem(li.id(), li.ticketId(), li.userId(),
          p.has("product_id") ? p.longValue("product_id") : li.productId(),
          p.has("name") ? p.text("name") : li.name(), p.has("description") ? p.text("description") : li.description(),
          qty == null ? li.quantity() : qty, p.has("price_retail") ? p.decimal("price_retail") : li.priceRetail(),
          p.has("price_cost") ? p.decimal("price_cost") : li.priceCost(), p.bool("taxable", li.taxable()),
          li.position(), li.invoiceId(), li.createdAt(), now);
      d.lineItems.put(u.id(), u);
      d.tickets.put(t.id(), t.touched(now));
      return SandboxReply.ok(Json.wrap("ticket_line_item", env.billing.lineItem(d, u)));
    });
  }

  /**
   * Starts a timer at {@code start_at} (required: Syncro leaks a Ruby error without it), ending at
   * {@code end_at} or after {@code duration_minutes}; the product defaults to the account's labour
   * product.
   */
  private SandboxReply timer(Call c) {
    return env.onTicket(c, (d, t, p) -> {
      String startText = p.text("start_at");
      if (startText == null) {
        return Errors.error(422, "no implicit conversion of nil into String");
      }
      Instant start;
      Instant end = null;
      try {
        start = env.ts.parse(startText);
        if (!p.blank("end_at")) {
          end = env.ts.parse(p.text("end_at"));
        }
      } catch (DateTimeParseException e) {
        return Errors.error(422, "no time information in \"" + e.getParsedString() + "\"");
      }
      Long minutes = p.longValue("duration_minutes");
      if (end == null && minutes != null) {
        end = start.plus(Duration.ofMinutes(minutes));
      }
      Long userId = p.longValue("user_id");
      Long productId = p.longValue("product_id");
      Instant now = env.now();
      SandboxTimer timer = new SandboxTimer(d.nextTimerId++, t.id(),
          userId != null && d.techs.containsKey(userId) ? userId : c.tech().id(), start, end,
          productId == null ? Long.valueOf(Seed.REMOTE) : productId, p.blank("notes") ? "" : p.text("notes"),
          p.bool("billable", true), false, null, now, now);
      d.timers.put(timer.id(), timer);
      d.tickets.put(t.id(), t.touched(now));
      return SandboxReply.ok(env.billing.timer(timer));
    });
  }

  /**
   * Charges a timer: creates a ticket line item at the product's {@code price_retail}, quantity =
   * minutes / 60 to two places, and links it. Charging the same timer again creates another line:
   * Syncro does not guard against it either.
   */
  private SandboxReply charge(Call c) {
    return env.onTicket(c, (d, t, p) -> {
      Long timerId = p.longValue("timer_entry_id");
      SandboxTimer timer = timerId == null ? null : d.timers.get(timerId);
      if (timer == null || timer.ticketId() != t.id()) {
        return SandboxReply.notFound();
      }
      Catalog.Product product = d.products.get(timer.productId() == null ? Seed.REMOTE : timer.productId());
      Instant now = env.now();
      BigDecimal hours = BigDecimal.valueOf(timer.duration().toMinutes()).divide(SIXTY, 2, RoundingMode.HALF_UP);
      String name = product == null ? "Labor" : product.name();
      String description = !timer.notes().isBlank() ? timer.notes()
          : product == null ? "Timer entry" : product.description();
      SandboxLineItem li = new SandboxLineItem(d.nextLineItemId++, t.id(), timer.userId(), timer.productId(), name,
          description, hours, product == null ? null : product.priceRetail(),
          product == null ? null : product.priceCost(), product != null && product.taxable(),
          d.lineItemsOf(t.id()).size() + 1, null, now, now);
      d.lineItems.put(li.id(), li);
      SandboxTimer charged = timer.charged(li.id(), now);
      d.timers.put(charged.id(), charged);
      d.tickets.put(t.id(), t.touched(now));
      return SandboxReply.ok(env.billing.timer(charged));
    });
  }
}
