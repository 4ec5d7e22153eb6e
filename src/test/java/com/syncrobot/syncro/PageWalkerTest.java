package com.syncrobot.syncro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The walk over a list's pages, against pages served from memory: no network. */
final class PageWalkerTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Serves the pages {@code bodies} makes and remembers which were asked for. */
  static final class Pages implements PageWalker.PageSource {
    final IntFunction<String> bodies;
    final List<Integer> asked = new CopyOnWriteArrayList<>();

    Pages(IntFunction<String> bodies) {
      this.bodies = bodies;
    }

    @Override
    public JsonNode read(int page) {
      asked.add(page);
      try {
        return MAPPER.readTree(bodies.apply(page));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String redactedPath(@Nullable Integer page) {
      return "/things" + (page == null ? "" : "?page=" + page);
    }
  }

  private static String page(String meta, long... ids) {
    StringBuilder items = new StringBuilder();
    for (long id : ids) {
      items.append(items.length() == 0 ? "" : ",").append("{\"id\":").append(id).append('}');
    }
    return "{\"things\":[" + items + "]" + meta + "}";
  }

  private static List<Long> walk(PageWalker walker, Pages pages) {
    return walker.walk(pages, "things", n -> n.get("id").asLong(), id -> id, null);
  }

  @Test
  void withMeta_readsExactlyTotalPages_andDedupesById() {
    Pages pages = new Pages(p -> page(",\"meta\":{\"total_pages\":3}", p * 10, p * 10 + 1, 10));

    assertThat(walk(new PageWalker(500), pages)).containsExactly(10L, 11L, 20L, 21L, 30L, 31L);
    assertThat(pages.asked).containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void withoutMeta_stopsAtTheFirstEmptyPage() {
    Pages pages = new Pages(p -> p <= 2 ? page("", p) : page(""));

    assertThat(walk(new PageWalker(500), pages)).containsExactly(1L, 2L);
    assertThat(pages.asked).containsExactly(1, 2, 3);
  }

  @Test
  void withoutMeta_stopsWhenAPageAddsNothingNew() {
    Pages pages = new Pages(p -> page("", 1, 2));

    assertThat(walk(new PageWalker(500), pages)).containsExactly(1L, 2L);
    assertThat(pages.asked).containsExactly(1, 2);
  }

  @Test
  void stopWhen_endsTheWalkOnePageAtATime() {
    Pages pages = new Pages(p -> page(",\"meta\":{\"total_pages\":9}", p));

    List<Long> found = new PageWalker(500).walk(pages, "things", n -> n.get("id").asLong(), id -> id,
        items -> items.contains(2L));

    assertThat(found).containsExactly(1L, 2L);
    assertThat(pages.asked).containsExactly(1, 2);
  }

  @Test
  void moreThanMaxPages_failsRatherThanReturnAPartialList() {
    Pages pages = new Pages(p -> page("", p));

    assertThatThrownBy(() -> walk(new PageWalker(3), pages))
        .isInstanceOf(SyncroUnavailableException.class)
        .hasMessage("GET /things failed: more than 3 pages; refusing to walk further");
    assertThat(pages.asked).containsExactly(1, 2, 3);
  }

  @Test
  void metaBeyondMaxPages_isWalkedPageByPageUpToTheCap() {
    Pages pages = new Pages(p -> page(",\"meta\":{\"total_pages\":10}", p));

    assertThatThrownBy(() -> walk(new PageWalker(4), pages)).isInstanceOf(SyncroUnavailableException.class);
    assertThat(pages.asked).containsExactly(1, 2, 3, 4);
  }

  @Test
  void aPageWithoutItsList_isUnreadable_namingThatPage() {
    Pages pages = new Pages(p -> p == 1 ? page(",\"meta\":{\"total_pages\":2}", 1) : "{\"other\":[]}");

    assertThatThrownBy(() -> walk(new PageWalker(500), pages))
        .isInstanceOf(SyncroUnavailableException.class)
        .hasMessage("GET /things?page=2 failed: unexpected response shape");
  }

  @Test
  void knownPageCount_readsTheRestSideBySide_inPageOrder() {
    Map<Integer, Thread> readers = new ConcurrentHashMap<>();
    Pages pages = new Pages(p -> {
      readers.put(p, Thread.currentThread());
      return page(",\"meta\":{\"total_pages\":6}", 7 - p);
    });

    assertThat(walk(new PageWalker(500), pages)).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
    assertThat(readers.get(1)).isSameAs(Thread.currentThread());
    assertThat(readers.get(2).getName()).startsWith("syncro-pages-");
  }
}
