package com.syncrobot.playground.sandbox;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.syncrobot.playground.sandbox.model.SandboxChange;
import com.syncrobot.playground.sandbox.model.SandboxState;
import com.syncrobot.playground.sandbox.model.SandboxStore;
import com.syncrobot.playground.sandbox.model.TicketEdit;
import com.syncrobot.playground.sandbox.model.UnknownRecordException;
import com.syncrobot.playground.sandbox.routes.Env;
import com.syncrobot.playground.sandbox.routes.Router;
import com.syncrobot.playground.sandbox.routes.SandboxReply;
import com.syncrobot.threads.Background;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded, stateful stand-in for Syncro's REST API v1 ({@code /api/v1}), as far as the bot uses
 * it, with the real quirks on by default ({@link SandboxKnobs}), seeded demo data, injectable latency
 * and write faults ({@link SandboxFaults}), a request log, an admin JSON API under {@code
 * /_sandbox/}, and changes made outside the bot (customers replying or writing in, technicians in
 * Syncro's web UI) for notifications to announce. A development tool: bind it to loopback. Thread-safe.
 */
public final class SyncroSandbox implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SyncroSandbox.class);

  static {
    // The JDK server writes headers and body separately; with Nagle on, each response then waits for
    // the client's delayed ACK (about 40 ms), which would swamp any latency the benchmarks measure.
    // It also closes idle keep-alive connections after 30 s, shorter than OkHttp's 5-minute pool, so
    // a pooled GET would meet a closed socket. Both settings are JVM-wide and read once, when the first
    // JDK server is built; an explicit setting by the operator wins.
    setIfAbsent("sun.net.httpserver.nodelay", "true");
    setIfAbsent("sun.net.httpserver.idleInterval", "600");
  }

  private volatile InetSocketAddress address;
  private final ExecutorService executor;
  private final Map<String, HttpHandler> contexts = new LinkedHashMap<>();
  private @Nullable HttpServer server;
  private final SandboxStore store;
  private final SandboxKnobs knobs;
  private final SandboxFaults faults = new SandboxFaults();
  private final RequestLog requestLog = new RequestLog();
  private final RateLimiter limiter = new RateLimiter();

  private SyncroSandbox(InetSocketAddress address, ExecutorService executor, SandboxStore store, SandboxKnobs knobs) {
    this.address = address;
    this.executor = executor;
    this.store = store;
    this.knobs = knobs;
  }

  /**
   * Starts a sandbox seeded relative to {@code clock}, which also drives timestamps and the rate
   * limit window.
   *
   * @param bindHost the address to listen on, normally {@code 127.0.0.1}
   * @param port the port, or 0 for a free one
   * @throws IOException if the address cannot be bound
   */
  public static SyncroSandbox start(String bindHost, int port, Clock clock) throws IOException {
    return start(bindHost, port, clock, Delay.real());
  }

  static SyncroSandbox start(String bindHost, int port, Clock clock, Delay delay) throws IOException {
    Objects.requireNonNull(bindHost, "bindHost");
    Objects.requireNonNull(clock, "clock");
    // One thread per exchange: injected latency must delay requests independently, as a real
    // server's latency does, so parallel reads stay parallel. At the lowest priority: the server it stands in
    // for takes no CPU from the bot.
    ExecutorService executor = Executors.newCachedThreadPool(Background.numbered("syncro-sandbox"));
    SandboxKnobs knobs = new SandboxKnobs();
    SandboxStore store = new SandboxStore(clock);
    SyncroSandbox sandbox = new SyncroSandbox(new InetSocketAddress(bindHost, port), executor, store, knobs);
    Env env = new Env(store, knobs, clock);
    Router router = Router.api(env);
    sandbox.contexts.put(ApiHandler.BASE_PATH + "/",
        new ApiHandler(env, router, sandbox.limiter, sandbox.faults, sandbox.requestLog, delay));
    sandbox.contexts.put(AdminHandler.BASE_PATH + "/", new AdminHandler(sandbox));
    sandbox.contexts.put("/", ex -> {
      try (ex) {
        SandboxHttp.send(ex, SandboxReply.notFound());
      }
    });
    try {
      sandbox.listen();
    } catch (IOException e) {
      executor.shutdownNow();
      throw e;
    }
    log.debug("Syncro sandbox listening on {}", sandbox.baseUrl());
    return sandbox;
  }

  /** Returns the API base to give the Syncro client, e.g. {@code http://127.0.0.1:41234/api/v1}. */
  public String baseUrl() {
    return origin() + ApiHandler.BASE_PATH;
  }

  /** Returns the admin API base, e.g. {@code http://127.0.0.1:41234/_sandbox}. */
  public String adminUrl() {
    return origin() + AdminHandler.BASE_PATH;
  }

  /** Returns the address actually bound. */
  public InetSocketAddress address() {
    return address;
  }

  /**
   * Makes Syncro unreachable ({@code true}: stops listening and drops every open connection, so the
   * bot's connections are refused and nothing it sends arrives) or reachable again on the same
   * address with the same records. Unlike {@link SandboxFaults#down(boolean)}, which reads each
   * request before dropping it, nothing is received while unreachable.
   *
   * @throws UncheckedIOException if the address cannot be bound again
   */
  public synchronized void unreachable(boolean on) {
    if (on && server != null) {
      server.stop(0);
      server = null;
    } else if (!on && server == null) {
      try {
        listen();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on " + address + " again", e);
      }
    }
  }

  /** Binds {@link #address} (the port chosen at start) and serves {@link #contexts} on the shared executor. */
  private synchronized void listen() throws IOException {
    HttpServer s = HttpServer.create(address, 128);
    s.setExecutor(executor);
    contexts.forEach(s::createContext);
    s.start();
    // Port 0 binds a free port once; every later listen() reuses it so the bot's base URL stays valid.
    address = s.getAddress();
    server = s;
  }

  /** Returns a snapshot of every record. */
  public SandboxState state() {
    return store.snapshot();
  }

  /**
   * Adds {@code count} open tickets with an Initial Issue comment each, spread over the seeded
   * customers and technicians, for load and digest benchmarks; {@link #reset()} removes them.
   *
   * @return the new tickets' numbers, in creation order
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public List<Long> addOpenTickets(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    return store.addOpenTickets(count);
  }

  /**
   * The customer answers on ticket {@code number}, by email or the portal: a public comment with no
   * user ({@code user_id} null), written by the ticket's contact or the customer, subject "Re: " and
   * the ticket's subject. The status becomes Customer Reply, which is what Syncro's default
   * automation does on a customer reply (it reopens a resolved ticket too); {@code updated_at} is
   * touched.
   *
   * @param body the reply, or null/blank for a realistic default
   * @throws UnknownRecordException if no ticket has that number
   */
  public SandboxChange customerReply(long number, @Nullable String body) {
    return store.customerReply(number, body);
  }

  /**
   * A customer writes in: a new ticket, New and unassigned, created by no technician, whose first
   * comment (Initial Issue) is the customer's.
   *
   * @param customer a customer id or name (exact, else a unique part of one); null or blank for the
   *     first customer
   * @param subject the ticket's subject, or null/blank for a realistic default
   * @param body the first comment, or null/blank for a realistic default
   * @throws UnknownRecordException if no customer matches
   * @throws IllegalArgumentException if several customers match
   */
  public SandboxChange newTicket(@Nullable String customer, @Nullable String subject, @Nullable String body) {
    return store.newTicket(customer, subject, body);
  }

  /**
   * A technician changes ticket {@code number} in Syncro's web UI, not through the bot: status,
   * assignee or priority, as {@code edit} says; {@code updated_at} is touched.
   *
   * @throws UnknownRecordException if no ticket has that number
   * @throws IllegalArgumentException if {@code edit} is empty or names an unknown status, technician or
   *     priority
   */
  public SandboxChange editTicket(long number, TicketEdit edit) {
    return store.editTicket(number, edit);
  }

  /**
   * Changes one open ticket (neither Resolved, Invoiced nor Closed) picked with {@code random}: a
   * move to another open status, an internal note by its technician, or a customer reply (as {@link
   * #customerReply}), a third each. For benchmarks that make changes at a steady rate over {@link
   * #addOpenTickets}; the same seed gives the same changes on the same data.
   *
   * @throws IllegalStateException if no ticket is open
   */
  public SandboxChange randomChange(Random random) {
    return store.randomChange(random);
  }

  /** Returns the fault switches, live. */
  public SandboxFaults faults() {
    return faults;
  }

  /** Returns the behaviour knobs, live. */
  public SandboxKnobs knobs() {
    return knobs;
  }

  /** Returns each seeded technician's API token by technician id (secrets of a fake account). */
  public Map<Long, String> seedTokens() {
    return store.tokensByTech();
  }

  /** Returns the log of API requests. */
  public RequestLog requestLog() {
    return requestLog;
  }

  /** Puts everything back as at start: fresh seed data (relative to the clock now), no faults, default knobs. */
  public void reset() {
    store.reset();
    faults.clear();
    knobs.reset();
    limiter.reset();
    requestLog.clear();
  }

  /** Stops listening at once and ends the worker threads. */
  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
    executor.shutdownNow();
  }

  @Override
  public void close() {
    stop();
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  private String origin() {
    InetSocketAddress a = address;
    InetAddress ip = a.getAddress();
    String host = ip.isAnyLocalAddress() ? "127.0.0.1"
        : ip instanceof Inet6Address ? "[" + ip.getHostAddress() + "]" : ip.getHostAddress();
    return "http://" + host + ":" + a.getPort();
  }
}
