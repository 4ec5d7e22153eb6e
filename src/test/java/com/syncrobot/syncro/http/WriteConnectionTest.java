package com.syncrobot.syncro.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncrobot.metrics.Metrics;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.SyncroAmbiguousWriteException;
import com.syncrobot.syncro.SyncroUnavailableException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Writes on pooled connections against a scripted raw HTTP/1.1 server on loopback: a write reuses the
 * connection a read just used, a connection the server closed meanwhile is found before a byte of the write
 * leaves (and the write goes once, on a new one), a write cut off after it left is ambiguous and never sent
 * again, and one that could not even finish the TLS handshake is "not sent" (R2).
 */
final class WriteConnectionTest {
  private final ConnectionPool pool = new ConnectionPool(8, 20, TimeUnit.SECONDS);
  private final OkHttpClient client = new OkHttpClient.Builder().connectionPool(pool)
      .retryOnConnectionFailure(false).build();
  private final CallSyncroInterceptor send = new CallSyncroInterceptor(client, Metrics.NONE);
  private @Nullable RawServer server;

  @AfterEach
  void tearDown() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private SyncroAnswer send(String base, boolean write) throws IOException {
    Request.Builder b = new Request.Builder().url(base + "/x");
    Request request = write
        ? b.post(RequestBody.create("{}".getBytes(StandardCharsets.UTF_8), MediaType.get("application/json"))).build()
        : b.get().build();
    SyncroCall call = new SyncroCall(request, ScriptedChain.TOKEN, RequestBudget.Priority.INTERACTIVE, "/x", write);
    return SyncroInterceptor.run(List.of(send), call);
  }

  private static SyncroCall postCall() {
    return ScriptedChain.call(true);
  }

  @Test
  void write_goesOnTheConnectionThatJustAnsweredARead() throws IOException {
    server = new RawServer(Behaviour.KEEP_OPEN);

    send(server.base(), false);
    SyncroAnswer answer = send(server.base(), true);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(server.requests).containsExactly("1 GET", "1 POST");
    assertThat(server.connections.get()).isEqualTo(1);
  }

  @Test
  void pooledConnectionTheServerClosed_theWriteGoesOnceOnANewConnection() throws Exception {
    server = new RawServer(Behaviour.CLOSE_FIRST_AFTER_ANSWER);

    send(server.base(), false);
    assertThat(server.firstClosed.await(5, TimeUnit.SECONDS)).isTrue();
    SyncroAnswer answer = send(server.base(), true);

    assertThat(answer.status()).isEqualTo(200);
    // the write never touched the dead connection: it arrived once, on the second one
    assertThat(server.requests).containsExactly("1 GET", "2 POST");
  }

  @Test
  void writeCutOffAfterItLeft_isAmbiguous_andNotSentAgain() throws IOException {
    server = new RawServer(Behaviour.RESET_ON_POST);

    send(server.base(), false);
    IOException failure = null;
    try {
      send(server.base(), true);
    } catch (IOException e) {
      failure = e;
    }

    assertThat(failure).isNotNull().isNotInstanceOf(RequestNotSentException.class);
    assertThat(ErrorMapping.ioFailure(postCall(), failure)).isInstanceOf(SyncroAmbiguousWriteException.class);
    assertThat(server.requests).containsExactly("1 GET", "1 POST");
  }

  @Test
  void tlsConnectionThatCannotBeMade_isNotSent() throws IOException {
    server = new RawServer(Behaviour.HANG_UP_AT_ONCE);
    String https = server.base().replace("http://", "https://");

    assertThatThrownBy(() -> send(https, true)).isInstanceOf(RequestNotSentException.class)
        .satisfies(e -> assertThat(ErrorMapping.ioFailure(postCall(), (IOException) e))
            .isInstanceOf(SyncroUnavailableException.class)
            .hasMessage("POST /tickets/5/comment failed: could not connect; nothing was sent"));
    assertThat(server.requests).isEmpty();
  }

  @Test
  void connectionRefused_isNotSent() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }

    assertThatThrownBy(() -> send("http://127.0.0.1:" + port, true))
        .satisfies(e -> assertThat(ErrorMapping.ioFailure(postCall(), (IOException) e))
            .isInstanceOf(SyncroUnavailableException.class)
            .hasMessageContaining("nothing was sent"));
  }

  private enum Behaviour {
    /** Answers every request, keeps every connection open. */
    KEEP_OPEN,
    /** Answers the first connection's first request, then closes it, as a server whose keep-alive ran out. */
    CLOSE_FIRST_AFTER_ANSWER,
    /** Reads a POST in full, then resets the connection without an answer. */
    RESET_ON_POST,
    /** Closes every connection as soon as it is accepted. */
    HANG_UP_AT_ONCE
  }

  /** A tiny HTTP/1.1 server that records "connection-number METHOD" per request it read in full. */
  private static final class RawServer implements AutoCloseable {
    final List<String> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    final CountDownLatch firstClosed = new CountDownLatch(1);
    private final ServerSocket socket;
    private final Behaviour behaviour;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    RawServer(Behaviour behaviour) throws IOException {
      this.behaviour = behaviour;
      this.socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
      Thread t = new Thread(this::acceptLoop, "raw-server");
      t.setDaemon(true);
      t.start();
    }

    String base() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void acceptLoop() {
      while (!socket.isClosed()) {
        try {
          Socket s = socket.accept();
          accepted.add(s);
          int n = connections.incrementAndGet();
          Thread t = new Thread(() -> serve(s, n), "raw-server-" + n);
          t.setDaemon(true);
          t.start();
        } catch (IOException e) {
          return;
        }
      }
    }

    private void serve(Socket s, int n) {
      try (s) {
        if (behaviour == Behaviour.HANG_UP_AT_ONCE) {
          return;
        }
        InputStream in = new BufferedInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        while (true) {
          String method = readRequest(in);
          if (method == null) {
            return;
          }
          requests.add(n + " " + method);
          if (behaviour == Behaviour.RESET_ON_POST && method.equals("POST")) {
            s.setSoLinger(true, 0);
            return;
          }
          out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
              .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          if (behaviour == Behaviour.CLOSE_FIRST_AFTER_ANSWER && n == 1) {
            s.close();
            firstClosed.countDown();
            return;
          }
        }
      } catch (IOException e) {
        // the client went away
      }
    }

    /** Reads one request (headers and a Content-Length body); returns its method, or null at end of stream. */
    private static @Nullable String readRequest(InputStream in) throws IOException {
      String first = line(in);
      if (first == null || first.isEmpty()) {
        return null;
      }
      int length = 0;
      for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
        if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(h.substring("content-length:".length()).strip());
        }
      }
      if (in.readNBytes(length).length < length) {
        return null;
      }
      return first.substring(0, first.indexOf(' '));
    }

    private static @Nullable String line(InputStream in) throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) >= 0) {
        if (c == '\n') {
          return b.toString(StandardCharsets.US_ASCII).stripTrailing();
        }
        b.write(c);
      }
      return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket s : accepted) {
        s.close();
      }
    }
  }
}
