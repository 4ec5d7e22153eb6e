package com.syncrobot.syncro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import com.syncrobot.syncro.http.PageWalker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Once page 1 says how many pages a list has, the others are read side by side (independent reads),
 * at most {@link PageWalker#PARALLEL_PAGES} at a time, and merged in page order. Proven without timing:
 * page 2 is only answered once page 3 has been asked for, which a page-by-page walk would never do.
 */
final class ParallelPagesTest {
  HttpServer server;
  SyncroApi api;
  final CountDownLatch page3Asked = new CountDownLatch(1);
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger mostInFlight = new AtomicInteger();
  final Map<Integer, Integer> status = new ConcurrentHashMap<>();
  int totalPages = 3;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/api/v1/tickets", this::page);
    server.start();
    api = SyncroClient.builder()
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1")
        .budget(new RequestBudget(1000, Clock.systemUTC(), Sleeper.system()))
        .build()
        .as(new SyncroToken(TestSyncro.TOKEN_VALUE));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void page(HttpExchange ex) throws IOException {
    int n = inFlight.incrementAndGet();
    mostInFlight.accumulateAndGet(n, Math::max);
    try (ex) {
      String q = ex.getRequestURI().getQuery();
      int page = Integer.parseInt(q.replaceAll(".*page=(\\d+).*", "$1"));
      if (page == 3) {
        page3Asked.countDown();
      }
      if (page == 2) {
        try {
          if (!page3Asked.await(5, TimeUnit.SECONDS)) {
            ex.sendResponseHeaders(500, -1);
            return;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (page > 4 && page < 8) {
        // Hold a few pages so that the reads of the long list pile up as far as they are allowed to.
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      int code = status.getOrDefault(page, 200);
      byte[] body = ("{\"tickets\":[" + ticket(page * 10L) + "," + ticket(page * 10L + 1) + "],"
          + "\"meta\":{\"total_pages\":" + totalPages + ",\"page\":" + page + "}}").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(code, code == 200 ? body.length : -1);
      if (code == 200) {
        ex.getResponseBody().write(body);
      }
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private static String ticket(long id) {
    return "{\"id\":" + id + ",\"number\":" + (1000 + id) + ",\"subject\":\"S\",\"status\":\"New\","
        + "\"created_at\":\"2026-02-01T10:00:00Z\",\"customer_id\":77,\"customer_business_then_name\":\"Jerry\"}";
  }

  @Test
  void openTickets_pagesTwoAndThreeReadSideBySide_allTicketsOnce() {
    List<Ticket> open = api.openTickets();

    assertThat(open).extracting(t -> t.id().value()).containsExactlyInAnyOrder(10L, 11L, 20L, 21L, 30L, 31L);
  }

  @Test
  void openTickets_manyPages_atMostFourAtATimeBesidePageOne_allTicketsOnce() {
    totalPages = 12;

    List<Ticket> open = api.openTickets();

    assertThat(open).hasSize(24);
    assertThat(mostInFlight.get()).isBetween(2, PageWalker.PARALLEL_PAGES);
  }

  @Test
  void openTickets_aPageFails_theListFailsRatherThanComeBackShort() {
    totalPages = 6;
    status.put(5, 503);

    assertThatThrownBy(() -> api.openTickets()).isInstanceOf(SyncroUnavailableException.class);
  }
}
