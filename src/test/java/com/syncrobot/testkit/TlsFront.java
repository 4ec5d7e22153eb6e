package com.syncrobot.testkit;

import com.syncrobot.threads.Background;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * A TLS-terminating front on loopback for a plain-HTTP server (the Syncro sandbox), so a client pays
 * what a new HTTPS connection costs across the internet: each accepted connection first waits {@code
 * setup} (TCP's SYN round trip and TLS 1.3's handshake round trip), then does the TLS handshake with
 * the fixed test certificate ({@code tls/sandbox-key.p12}: {@code CN=localhost}, {@code IP:127.0.0.1},
 * valid until 2126), then pipes both ways to the backend. A connection the backend closes is closed
 * to the client (so a sandbox that drops a request drops it here too); one the backend refuses is
 * closed before the handshake completes. Clients trust the certificate through {@link #trustStore()}
 * ({@code -Djavax.net.ssl.trustStore=... -Djavax.net.ssl.trustStorePassword=...} for a child JVM, or
 * {@link #clientContext()}). Test and bench use only: the key is public.
 */
public final class TlsFront implements AutoCloseable {
  /** The password of both test stores (not a secret: a throwaway certificate for loopback). */
  public static final String STORE_PASSWORD = "sandbox-test";
  private static final String KEY_STORE = "/tls/sandbox-key.p12";
  private static final String TRUST_STORE = "/tls/sandbox-trust.p12";

  private final ServerSocket server;
  private final InetSocketAddress backend;
  private final Duration setup;
  private final SSLContext context;
  private final ExecutorService threads;
  private final AtomicInteger setups = new AtomicInteger();
  private final AtomicLong setupNanos = new AtomicLong();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private TlsFront(ServerSocket server, InetSocketAddress backend, Duration setup, SSLContext context) {
    this.server = server;
    this.backend = backend;
    this.setup = setup;
    this.context = context;
    this.threads = Executors.newCachedThreadPool(Background.numbered("tls-front"));
  }

  /**
   * Starts a front on a free loopback port for the plain-HTTP server at {@code backend}, charging
   * {@code setup} once per new connection before its handshake.
   */
  public static TlsFront start(InetSocketAddress backend, Duration setup) throws IOException {
    Objects.requireNonNull(backend, "backend");
    if (setup.isNegative()) {
      throw new IllegalArgumentException("negative set-up latency: " + setup);
    }
    SSLContext ctx = serverContext();
    ServerSocket s = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    TlsFront front = new TlsFront(s, backend, setup, ctx);
    front.threads.execute(front::acceptLoop);
    return front;
  }

  /** Returns {@code https://127.0.0.1:<port>}: the front's origin, to put before the backend's paths. */
  public String origin() {
    return "https://127.0.0.1:" + server.getLocalPort();
  }

  /** Returns {@code url} (an {@code http://} URL of the backend) with the front's origin instead. */
  public String rewrite(String url) {
    int path = url.indexOf('/', url.indexOf("//") + 2);
    return origin() + (path < 0 ? "" : url.substring(path));
  }

  /** Returns how many connections were charged the set-up latency (every connection accepted so far). */
  public int setups() {
    return setups.get();
  }

  /** Returns the set-up latency charged so far, summed over every connection. */
  public Duration setupCharged() {
    return Duration.ofNanos(setupNanos.get());
  }

  /** Returns a file copy of the trust store holding the front's certificate (PKCS12, {@link #STORE_PASSWORD}). */
  public static Path trustStore() {
    try {
      Path p = Files.createTempFile("syncro-sandbox-trust", ".p12");
      p.toFile().deleteOnExit();
      try (InputStream in = resource(TRUST_STORE)) {
        Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
      }
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the JVM options with which a child JVM's default TLS trusts the front (and only it). */
  public static List<String> trustOptions(Path trustStore) {
    return List.of("-Djavax.net.ssl.trustStore=" + trustStore,
        "-Djavax.net.ssl.trustStorePassword=" + STORE_PASSWORD, "-Djavax.net.ssl.trustStoreType=PKCS12");
  }

  /** Returns a client context that trusts the front's certificate (and only it). */
  public static SSLContext clientContext() {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new X509TrustManager[] {trustManager()}, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a TLS context", e);
    }
  }

  /** Returns a trust manager that trusts the front's certificate (and only it), e.g. for OkHttp. */
  public static X509TrustManager trustManager() {
    try (InputStream in = resource(TRUST_STORE)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, STORE_PASSWORD.toCharArray());
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      return (X509TrustManager) tmf.getTrustManagers()[0];
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the sandbox trust store", e);
    }
  }

  private static SSLContext serverContext() {
    try (InputStream in = resource(KEY_STORE)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, STORE_PASSWORD.toCharArray());
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, STORE_PASSWORD.toCharArray());
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      return ctx;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the sandbox key store", e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = TlsFront.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("no " + name + " on the class path");
    }
    return in;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      open.add(client);
      threads.execute(() -> serve(client));
    }
  }

  private void serve(Socket raw) {
    @Nullable Socket back = null;
    try {
      raw.setTcpNoDelay(true);
      if (!setup.isZero()) {
        TimeUnit.NANOSECONDS.sleep(setup.toNanos());
      }
      setups.incrementAndGet();
      setupNanos.addAndGet(setup.toNanos());
      back = new Socket();
      open.add(back);
      back.setTcpNoDelay(true);
      back.connect(backend, 2000);
      SSLSocket tls = (SSLSocket) context.getSocketFactory()
          .createSocket(raw, raw.getInetAddress().getHostAddress(), raw.getPort(), true);
      tls.setUseClientMode(false);
      tls.startHandshake();
      Socket b = back;
      threads.execute(() -> pipe(b, tls));
      pipe(tls, back);
      open.remove(raw);
    } catch (IOException e) {
      drop(raw, back);
    } catch (InterruptedException e) {
      drop(raw, back);
      Thread.currentThread().interrupt();
    }
  }

  private void drop(Socket raw, @Nullable Socket back) {
    closeQuietly(back);
    closeQuietly(raw);
    open.remove(raw);
    if (back != null) {
      open.remove(back);
    }
  }

  /** Copies {@code from} to {@code to} until either ends, then closes both. */
  private void pipe(Socket from, Socket to) {
    byte[] buf = new byte[16 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (SocketException e) {
      // the other side closed
    } catch (IOException e) {
      // a reset or a TLS alert: the connection is over either way
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(@Nullable Socket s) {
    if (s == null) {
      return;
    }
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  /** Stops accepting and ends every piped connection. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // already closed
    }
    open.forEach(TlsFront::closeQuietly);
    threads.shutdownNow();
  }
}
