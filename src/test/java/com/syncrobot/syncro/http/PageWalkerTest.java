package com.syncrobot.syncro.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncrobot.syncro.SyncroUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The walk over a list's pages, against pages served from memory: no network. */
final class PageWalkerTest {
  /** Serves the pages {@code pages} makes and remembers which were asked for. */
  static final class Pages implements PageWalker.PageSource<Long> {
    final IntFunction<PageWalker.Page<Long>> pages;
    final List<Integer> asked = new CopyOnWriteArrayList<>();

    Pages(IntFunction<PageWalker.Page<Long>> pages) {
      this.pages = pages;
    }

    @Override
    public PageWalker.Page<Long> read(int page) {
      asked.add(page);
      return pages.apply(page);
    }

    @Override
    public String redactedPath() {
      return "/things";
    }
  }

  private static PageWalker.Page<Long> page(Integer totalPages, long... ids) {
    return new PageWalker.Page<>(java.util.Arrays.stream(ids).boxed().toList(), totalPages);
  }

  private static List<Long> walk(PageWalker walker, Pages pages) {
    return walker.walk(pages, id -> id, null);
  }

  @Test
  void withMeta_readsExactlyTotalPages_andDedupesById() {
    Pages pages = new Pages(p -> page(3, p * 10, p * 10 + 1, 10));

    assertThat(walk(new PageWalker(500), pages)).containsExactly(10L, 11L, 20L, 21L, 30L, 31L);
    assertThat(pages.asked).containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void withoutMeta_stopsAtTheFirstEmptyPage() {
    Pages pages = new Pages(p -> p <= 2 ? page(null, p) : page(null));

    assertThat(walk(new PageWalker(500), pages)).containsExactly(1L, 2L);
    assertThat(pages.asked).containsExactly(1, 2, 3);
  }

  @Test
  void withoutMeta_stopsWhenAPageAddsNothingNew() {
    Pages pages = new Pages(p -> page(null, 1, 2));

    assertThat(walk(new PageWalker(500), pages)).containsExactly(1L, 2L);
    assertThat(pages.asked).containsExactly(1, 2);
  }

  @Test
  void stopWhen_endsTheWalkOnePageAtATime() {
    Pages pages = new Pages(p -> page(9, p));

    List<Long> found = new PageWalker(500).walk(pages, id -> id, items -> items.contains(2L));

    assertThat(found).containsExactly(1L, 2L);
    assertThat(pages.asked).containsExactly(1, 2);
  }

  @Test
  void moreThanMaxPages_failsRatherThanReturnAPartialList() {
    Pages pages = new Pages(p -> page(null, p));

    assertThatThrownBy(() -> walk(new PageWalker(3), pages))
        .isInstanceOf(SyncroUnavailableException.class)
        .hasMessage("GET /things failed: more than 3 pages; refusing to walk further");
    assertThat(pages.asked).containsExactly(1, 2, 3);
  }

  @Test
  void metaBeyondMaxPages_isWalkedPageByPageUpToTheCap() {
    Pages pages = new Pages(p -> page(10, p));

    assertThatThrownBy(() -> walk(new PageWalker(4), pages)).isInstanceOf(SyncroUnavailableException.class);
    assertThat(pages.asked).containsExactly(1, 2, 3, 4);
  }

  @Test
  void aPageThatFails_failsTheList() {
    Pages pages = new Pages(p -> {
      if (p == 4) {
        throw new SyncroUnavailableException(503, "GET", "/things?page=4", "HTTP 503", null);
      }
      return page(6, p);
    });

    assertThatThrownBy(() -> walk(new PageWalker(500), pages)).hasMessage("GET /things?page=4 failed: HTTP 503");
  }

  @Test
  void knownPageCount_readsTheRestSideBySide_inPageOrder() {
    Map<Integer, Thread> readers = new ConcurrentHashMap<>();
    Pages pages = new Pages(p -> {
      readers.put(p, Thread.currentThread());
      return page(6, 7 - p);
    });

    assertThat(walk(new PageWalker(500), pages)).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
    assertThat(readers.get(1)).isSameAs(Thread.currentThread());
    assertThat(readers.get(2).getName()).startsWith("syncro-pages-");
  }
}
