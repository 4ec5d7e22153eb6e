package com.syncrobot.playground.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.playground.sandbox.model.SandboxComment;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.sandbox.routes.Json;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many technicians writing at once: every POST lands once, with its own id. */
final class ConcurrencyTest {
  @Test
  void parallelCommentsFromThreeTechs_allLand_withDistinctIds() throws Exception {
    try (SandboxFixture f = new SandboxFixture()) {
      f.sandbox.knobs().rateLimit(10_000);
      SandboxTicket t = f.state().ticketByNumber(32150).orElseThrow();
      List<SyncroApi> techs = List.of(f.api(SandboxFixture.DANA), f.api(SandboxFixture.MARCO),
          f.api(SandboxFixture.PRIYA));
      Set<Long> ids = ConcurrentHashMap.newKeySet();
      ExecutorService pool = Executors.newFixedThreadPool(12);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        SyncroApi api = techs.get(i % 3);
        String subject = "Note " + i;
        done.add(pool.submit(() -> ids.add(api.write(SyncroWrite.post("/tickets/" + t.id() + "/comment",
            Json.obj().put("subject", subject).put("body", "b"), "/comment/id")).id())));
      }
      for (Future<?> d : done) {
        d.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();

      assertThat(ids).hasSize(120);
      assertThat(f.state().commentsOf(t.id())).hasSize(122)
          .filteredOn(c -> c.subject().startsWith("Note ")).extracting(SandboxComment::userId)
          .containsOnly(1735L, 1750L, 1737L);
      assertThat(f.sandbox.requestLog().size()).isEqualTo(120);
    }
  }
}
