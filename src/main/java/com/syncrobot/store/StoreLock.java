package com.syncrobot.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving bot's claim on its SQLite store, held for the store's lifetime: an operating-system
 * lock on {@code <database file>.lock} beside the database, whose text names the holder (pid, host,
 * since when). The system drops the lock when the holder's process ends, however it ends (kill -9
 * included), so a restart never waits for it. Only {@code serve} takes it; the command-line tools
 * work on the store while the bot serves. A store in memory belongs to one process and needs none, and a
 * PostgreSQL store none either: there several replicas share the database by design (plan leases, digest
 * claims and the request budget are kept in the database itself).
 */
public final class StoreLock implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StoreLock.class);

  private final @Nullable FileChannel channel;
  private final @Nullable FileLock lock;

  private StoreLock(@Nullable FileChannel channel, @Nullable FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of the store at {@code jdbcUrl} for this process.
   *
   * @throws StoreLockedException if another process (or another bot in this one) holds it
   * @throws DatabaseOpenException if the lock file cannot be created or locked
   * @throws IllegalArgumentException if the URL is not a usable SQLite URL
   */
  public static StoreLock acquire(String jdbcUrl, Clock clock) {
    Path file = Database.file(jdbcUrl);
    if (file == null) {
      return new StoreLock(null, null);
    }
    Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
    FileChannel channel = null;
    try {
      Path parent = lockFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String holder = read(channel);
        channel.close();
        throw new StoreLockedException("another bot process already serves the store " + file + " ("
            + (holder.isBlank() ? "it did not say which" : holder) + "); stop that one first (one bot per store),"
            + " or give this one a database of its own with SYNCRO_BOT_DB_URL");
      }
      String me = "pid " + ProcessHandle.current().pid() + " on host " + host() + " since " + clock.instant();
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(true);
      log.info("Holding the store lock {} ({})", lockFile, me);
      return new StoreLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new DatabaseOpenException("cannot lock the store with " + lockFile + ": " + e.getMessage(), e);
    }
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(512);
    channel.read(buffer, 0);
    buffer.flip();
    return StandardCharsets.UTF_8.decode(buffer).toString().strip();
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException | SecurityException e) {
      return "unknown-host";
    }
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      log.warn("Closing the store lock file failed: {}", e.toString());
    }
  }

  /** Gives the lock up (the lock file stays, naming its last holder). Idempotent. */
  @Override
  public void close() {
    try {
      if (lock != null && lock.isValid()) {
        lock.release();
      }
    } catch (IOException e) {
      log.warn("Releasing the store lock failed: {}", e.toString());
    }
    closeQuietly(channel);
  }
}
