package com.syncrobot.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.playground.sandbox.SandboxComment;
import com.syncrobot.playground.sandbox.SandboxTicket;
import com.syncrobot.playground.slack.SimMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
final class ResilienceTest {
  static final String ALICE = "U0ALICE";

  @TempDir
  Path dir;
  Rig rig;

  @BeforeEach
  void start() throws Exception {
    rig = new Rig(dir);
    rig.startBot();
  }

  @AfterEach
  void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void close_noFault_oneCommentOneStatus() throws Exception {
    SandboxTicket t = rig.openTicket(0);
    SimMessage p = rig.preview(ALICE, "close", t.number(), "Replaced the fuser unit and tested.");
    System.out.println(p.allText());
    assertThat(rig.sim.clickButton(ALICE, p, "Confirm").ok()).isTrue();
    SimMessage done = rig.await(m -> m.ts().equals(p.ts()) && m.allText().contains("Done."));
    System.out.println(done.allText());
    List<SandboxComment> comments = rig.sandbox.state().commentsOf(t.id());
    System.out.println(comments);
    assertThat(rig.sandbox.state().ticket(t.id()).orElseThrow().status()).isEqualTo("Resolved");
  }
}
