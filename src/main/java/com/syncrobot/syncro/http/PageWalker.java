package com.syncrobot.syncro.http;

import com.syncrobot.threads.Background;
import com.syncrobot.syncro.SyncroUnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Walks every page of a list ({@code page=1,2,...}): stops at {@code meta.total_pages}, or, without
 * meta, at an empty page or a page that adds nothing new; dedupes by id; refuses to walk more than
 * {@code maxPages} pages. Once page 1 has told how many pages there are, pages 2..N are read side by
 * side on a pool shared by every list. Thread-safe.
 */
public final class PageWalker {
  /** Pages of one list read at the same time, once page 1 has told how many there are. */
  public static final int PARALLEL_PAGES = 4;
  /** Threads reading pages for all lists together. */
  private static final int PAGE_READERS = 8;

  /** One page of a list: its items and the page count its meta gives, if any. */
  public record Page<T>(List<T> items, @Nullable Integer totalPages) {}

  /** One list of one technician, page by page. */
  public interface PageSource<T> {
    /** Reads and maps page {@code page}; throws a {@code SyncroException} when it cannot. */
    Page<T> read(int page);

    /** Returns the list's redacted path for messages, without {@code page=}. */
    String redactedPath();
  }

  /** Reads the pages of long lists side by side; daemon threads, idle ones end. */
  private final ExecutorService pageReaders;
  private final int maxPages;

  public PageWalker(int maxPages) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(PAGE_READERS, PAGE_READERS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), Background.numbered("syncro-pages"));
    pool.allowCoreThreadTimeOut(true);
    this.pageReaders = pool;
    this.maxPages = maxPages;
  }

  /**
   * Returns the items of every page, first of each id kept. {@code stopWhen} may end the walk early
   * once a page holds what is wanted (the pages are then read one by one).
   */
  public <T> List<T> walk(
      PageSource<T> source, Function<T, Long> idOf, @Nullable Function<List<T>, Boolean> stopWhen) {
    Map<Long, T> byId = new LinkedHashMap<>();
    for (int page = 1; page <= maxPages; page++) {
      Page<T> read = source.read(page);
      List<T> items = read.items();
      Integer totalPages = read.totalPages();
      if (page == 1 && totalPages != null && totalPages > 1 && stopWhen == null && totalPages <= maxPages) {
        // The count is known: pages 2..N do not depend on each other, so read them side by side.
        items.forEach(item -> byId.putIfAbsent(idOf.apply(item), item));
        for (Page<T> rest : restInParallel(source, totalPages)) {
          rest.items().forEach(item -> byId.putIfAbsent(idOf.apply(item), item));
        }
        return List.copyOf(byId.values());
      }
      int before = byId.size();
      for (T item : items) {
        byId.putIfAbsent(idOf.apply(item), item);
      }
      if (items.isEmpty()) {
        return List.copyOf(byId.values());
      }
      if (stopWhen != null && stopWhen.apply(items)) {
        return List.copyOf(byId.values());
      }
      if (totalPages != null) {
        if (page >= totalPages) {
          return List.copyOf(byId.values());
        }
      } else if (byId.size() == before) {
        // No meta and nothing new: the endpoint ignores page= and would repeat itself forever.
        return List.copyOf(byId.values());
      }
    }
    throw new SyncroUnavailableException(
        0, "GET", source.redactedPath(), "more than " + maxPages + " pages; refusing to walk further", null);
  }

  /**
   * Reads pages 2..{@code totalPages}, at most {@link #PARALLEL_PAGES} at a time for this list, and
   * returns them in page order. Each page still takes its own budget permit; the first failure fails
   * the list and cancels the pages not yet read.
   */
  private <T> List<Page<T>> restInParallel(PageSource<T> source, int totalPages) {
    Semaphore slots = new Semaphore(PARALLEL_PAGES);
    List<Future<Page<T>>> futures = new ArrayList<>();
    try {
      for (int page = 2; page <= totalPages; page++) {
        int n = page;
        slots.acquire();
        futures.add(pageReaders.submit(() -> {
          try {
            return source.read(n);
          } finally {
            slots.release();
          }
        }));
      }
      List<Page<T>> pages = new ArrayList<>();
      for (Future<Page<T>> future : futures) {
        pages.add(future.get());
      }
      return pages;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SyncroUnavailableException(0, "GET", source.redactedPath(),
          "interrupted while reading pages", null);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("reading a page failed", e.getCause());
    } finally {
      futures.forEach(future -> future.cancel(true));
    }
  }
}
