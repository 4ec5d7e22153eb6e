package com.syncrobot.playground.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.syncrobot.playground.sandbox.model.SandboxChange;
import com.syncrobot.playground.sandbox.model.SandboxState;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.sandbox.model.TicketEdit;
import com.syncrobot.playground.sandbox.model.UnknownRecordException;
import com.syncrobot.playground.sandbox.routes.Errors;
import com.syncrobot.playground.sandbox.routes.Json;
import com.syncrobot.playground.sandbox.routes.SandboxReply;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin JSON API under {@code /_sandbox/} for the playground page and tests: {@code GET state},
 * {@code GET/POST faults}, {@code GET/POST knobs}, {@code GET requests}, {@code POST reset}, and
 * changes made outside the bot: {@code POST customer-reply}, {@code POST new-ticket}, {@code POST
 * ticket-change} (each answers the change, with a {@code message} in words; an unknown ticket or
 * customer is 404, other bad input 400). No token, no rate limit, not logged: it is not Syncro.
 * Thread-safe.
 */
final class AdminHandler implements HttpHandler {
  static final String BASE_PATH = "/_sandbox";
  private static final Logger log = LoggerFactory.getLogger(AdminHandler.class);

  private final SyncroSandbox sandbox;

  AdminHandler(SyncroSandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public void handle(HttpExchange ex) {
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = ex.getRequestURI().getPath().substring(BASE_PATH.length());
    try {
      byte[] bytes = SandboxHttp.body(ex);
      JsonNode body = bytes == null || bytes.length == 0 ? Json.obj() : Json.MAPPER.readTree(bytes);
      reply(ex, route(method, path, body == null ? Json.obj() : body));
    } catch (UnknownRecordException e) {
      reply(ex, Errors.error(404, String.valueOf(e.getMessage())));
    } catch (IllegalArgumentException | DateTimeException e) {
      reply(ex, Errors.error(400, String.valueOf(e.getMessage())));
    } catch (IOException e) {
      reply(ex, Errors.error(400, "body is not JSON"));
    } finally {
      ex.close();
    }
  }

  private static void reply(HttpExchange ex, SandboxReply r) {
    try {
      SandboxHttp.send(ex, r);
    } catch (IOException e) {
      log.debug("sandbox admin reply failed: {}", e.getClass().getName());
    }
  }

  private SandboxReply route(String method, String path, JsonNode body) {
    String key = method + " " + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    switch (key) {
      case "GET /state" :
        return SandboxReply.ok(state());
      case "GET /faults" :
        return SandboxReply.ok(faults());
      case "POST /faults" :
        applyFaults(body);
        return SandboxReply.ok(faults());
      case "GET /knobs" :
        return SandboxReply.ok(knobs());
      case "POST /knobs" :
        applyKnobs(body);
        return SandboxReply.ok(knobs());
      case "GET /requests" :
        return SandboxReply.ok(requests());
      case "POST /reset" :
        sandbox.reset();
        return SandboxReply.ok(state().get("counts"));
      case "POST /customer-reply" :
        return SandboxReply.ok(change(sandbox.customerReply(number(body), text(body, "body"))));
      case "POST /new-ticket" :
        return SandboxReply.ok(change(sandbox.newTicket(text(body, "customer"), text(body, "subject"),
            text(body, "body"))));
      case "POST /ticket-change" :
        return SandboxReply.ok(change(sandbox.editTicket(number(body), edit(body))));
      default :
        return SandboxReply.notFound();
    }
  }

  private ObjectNode state() {
    SandboxState s = sandbox.state();
    ObjectNode o = Json.obj();
    o.putObject("counts").put("tickets", s.tickets().size())
        .put("comments", s.comments().values().stream().mapToInt(List::size).sum())
        .put("lineItems", s.lineItems().size())
        .put("uninvoicedLineItems", s.lineItems().stream().filter(li -> !li.converted()).count())
        .put("timers", s.timers().size()).put("invoices", s.invoices().size())
        .put("appointments", s.appointments().size()).put("requests", sandbox.requestLog().size());
    o.set("faults", faults());
    o.set("knobs", knobs());
    ArrayNode prepay = o.putArray("prepayHours");
    s.customers().forEach(c -> prepay.addObject().put("customerId", c.id()).put("name", c.displayName())
        .set("prepayHours", Json.str(c.prepayHours())));
    o.set("records", Json.MAPPER.valueToTree(s));
    return o;
  }

  private ObjectNode faults() {
    SandboxFaults f = sandbox.faults();
    ObjectNode o = Json.obj().put("latencyMs", f.latency().toMillis()).put("down", f.down())
        .put("commitDelayMs", f.commitDelay().toMillis());
    ArrayNode pending = o.putArray("pendingWrites");
    f.pendingWrites().forEach(w -> pending.add(w.wireName()));
    return o;
  }

  /**
   * Applies {@code {clear, latencyMs, down, commitDelayMs, nextWrite: "name" | ["name", ...]}}; names per
   * {@link WriteFault}.
   */
  private void applyFaults(JsonNode b) {
    SandboxFaults f = sandbox.faults();
    if (b.path("clear").asBoolean(false)) {
      f.clear();
    }
    ifSent(b, "latencyMs", n -> Duration.ofMillis(n.asLong()), f::latency);
    ifSent(b, "down", JsonNode::asBoolean, f::down);
    ifSent(b, "commitDelayMs", n -> Duration.ofMillis(n.asLong()), f::commitDelay);
    JsonNode next = b.get("nextWrite");
    if (next != null && next.isTextual()) {
      f.nextWrite(WriteFault.fromWireName(next.asText()));
    } else if (next != null && next.isArray()) {
      WriteFault[] all = new WriteFault[next.size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = WriteFault.fromWireName(next.get(i).asText());
      }
      f.nextWrite(all);
    }
  }

  private ObjectNode knobs() {
    SandboxKnobs k = sandbox.knobs();
    ObjectNode o = Json.obj().put("ticketsPageSize", k.ticketsPageSize()).put("listPageSize", k.listPageSize())
        .put("commentsDefaultPerPage", k.commentsDefaultPerPage()).put("commentsMaxPerPage", k.commentsMaxPerPage())
        .put("rateLimit", k.rateLimit()).put("rateLimitWindowSeconds", k.rateLimitWindow().toSeconds())
        .put("retryAfterSeconds", k.retryAfterSeconds()).put("doubleWrapAppointments", k.doubleWrapAppointments())
        .put("accountOffsetTimestamps", k.accountOffsetTimestamps()).put("accountZone", k.accountZone().getId())
        .put("invoiceDeleteFailsSilently", k.invoiceDeleteFailsSilently());
    o.set("taxRatePercent", Json.num(k.taxRatePercent()));
    return o;
  }

  private void applyKnobs(JsonNode b) {
    SandboxKnobs k = sandbox.knobs();
    ifSent(b, "ticketsPageSize", JsonNode::asInt, k::ticketsPageSize);
    ifSent(b, "listPageSize", JsonNode::asInt, k::listPageSize);
    ifSent(b, "commentsDefaultPerPage", JsonNode::asInt, k::commentsDefaultPerPage);
    ifSent(b, "commentsMaxPerPage", JsonNode::asInt, k::commentsMaxPerPage);
    ifSent(b, "rateLimit", JsonNode::asInt, k::rateLimit);
    ifSent(b, "rateLimitWindowSeconds", n -> Duration.ofSeconds(n.asLong()), k::rateLimitWindow);
    ifSent(b, "retryAfterSeconds", n -> n.isNull() ? null : n.asInt(), k::retryAfterSeconds);
    ifSent(b, "doubleWrapAppointments", JsonNode::asBoolean, k::doubleWrapAppointments);
    ifSent(b, "accountOffsetTimestamps", JsonNode::asBoolean, k::accountOffsetTimestamps);
    ifSent(b, "accountZone", n -> ZoneId.of(n.asText()), k::accountZone);
    ifSent(b, "invoiceDeleteFailsSilently", JsonNode::asBoolean, k::invoiceDeleteFailsSilently);
    ifSent(b, "taxRatePercent", n -> new BigDecimal(n.asText()), k::taxRatePercent);
  }

  /** Reads {@code field} of the body with {@code read} and hands it to {@code set}, if the body has it. */
  private static <T> void ifSent(JsonNode b, String field, Function<JsonNode, T> read, Consumer<T> set) {
    if (b.has(field)) {
      set.accept(read.apply(b.get(field)));
    }
  }

  /** {@code {number, status?, user_id? (null unassigns), priority?}}: what a technician changes in the web UI. */
  private static TicketEdit edit(JsonNode b) {
    TicketEdit e = TicketEdit.none();
    String status = text(b, "status");
    if (status != null) {
      e = e.withStatus(status);
    }
    JsonNode user = b.get("user_id");
    if (user != null && user.isNull()) {
      e = e.unassign();
    } else if (user != null) {
      e = e.assignTo(digits(user, "user_id must be a technician's id, or null to unassign"));
    }
    String priority = text(b, "priority");
    if (priority != null) {
      e = e.withPriority(priority);
    }
    if (e.isEmpty()) {
      throw new IllegalArgumentException("send status, user_id (null to unassign) or priority to change");
    }
    return e;
  }

  /** The ticket number the body names, as a JSON number or a string of digits (with or without "#"). */
  private static long number(JsonNode b) {
    return digits(b.get("number"), "number must be a ticket number, e.g. 32150");
  }

  private static long digits(@Nullable JsonNode n, String problem) {
    if (n != null && n.isIntegralNumber()) {
      return n.asLong();
    }
    String s = n == null || !n.isTextual() ? "" : n.asText().strip();
    s = s.startsWith("#") ? s.substring(1) : s;
    if (s.matches("[0-9]{1,18}")) {
      return Long.parseLong(s);
    }
    throw new IllegalArgumentException(problem + (n == null || n.isNull() ? "" : ", not " + n));
  }

  /** A text field of the body: null when absent, JSON null or blank; a number is taken as its digits. */
  private static @Nullable String text(JsonNode b, String field) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() && !v.isNumber()) {
      throw new IllegalArgumentException(field + " must be text, not " + v);
    }
    return v.asText().isBlank() ? null : v.asText();
  }

  private static ObjectNode change(SandboxChange c) {
    SandboxTicket t = c.ticket();
    ObjectNode o = Json.obj().put("kind", c.kind().wireName()).put("message", c.summary());
    o.putObject("ticket").put("id", t.id()).put("number", t.number()).put("subject", t.subject())
        .put("status", t.status()).put("customerId", t.customerId()).put("customer", c.customerName())
        .put("userId", t.userId()).put("priority", t.priority()).put("updatedAt", t.updatedAt().toString());
    o.put("commentId", c.comment() == null ? null : c.comment().id());
    return o;
  }

  private ObjectNode requests() {
    RequestLog r = sandbox.requestLog();
    List<RequestLog.Entry> all = r.entries();
    ObjectNode o = Json.obj().put("count", all.size()).put("maxInAnyMinute", r.maxInAnyWindow(Duration.ofMinutes(1)));
    o.set("recent", Json.MAPPER.valueToTree(all.subList(Math.max(0, all.size() - 100), all.size())));
    return o;
  }
}
