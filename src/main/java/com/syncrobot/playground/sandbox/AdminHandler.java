package com.syncrobot.playground.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.syncrobot.playground.sandbox.model.SandboxState;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin JSON API under {@code /_sandbox/} for the playground page and tests: {@code GET state},
 * {@code GET/POST faults}, {@code GET/POST knobs}, {@code GET requests}, {@code POST reset}. No
 * token, no rate limit, not logged: it is not Syncro. Thread-safe.
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

  private ObjectNode requests() {
    RequestLog r = sandbox.requestLog();
    List<RequestLog.Entry> all = r.entries();
    ObjectNode o = Json.obj().put("count", all.size()).put("maxInAnyMinute", r.maxInAnyWindow(Duration.ofMinutes(1)));
    o.set("recent", Json.MAPPER.valueToTree(all.subList(Math.max(0, all.size() - 100), all.size())));
    return o;
  }
}
