package com.syncrobot.app;

import static com.syncrobot.app.WriteFlowHarness.JANE;
import static com.syncrobot.app.WriteFlowHarness.actionTs;
import static com.syncrobot.app.WriteFlowHarness.newPath;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncrobot.playground.sandbox.RequestLog;
import com.syncrobot.playground.sandbox.model.SandboxState;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.write.PlanState;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class RequestCountFlowTest {
  @RegisterExtension
  static final WriteFlowHarness bot = WriteFlowHarness.builder().sandbox().connectToSandbox(JANE, 1735, "Dana Tech")
      .build();
  final BillStubs modal = new BillStubs(bot);

  private SandboxTicket openTicket(boolean prepaid) {
    SandboxState s = bot.sandbox().state();
    return s.tickets().stream()
        .filter(t -> !List.of("Resolved", "Invoiced", "Closed").contains(t.status()))
        .filter(t -> {
          BigDecimal p = s.prepayHours(t.customerId()).orElse(null);
          return prepaid ? p != null && p.compareTo(new BigDecimal("3")) >= 0 : p == null || p.signum() == 0;
        })
        .filter(t -> s.lineItemsOf(t.id()).stream().allMatch(li -> li.invoiceId() != null))
        .findFirst().orElseThrow(() -> new AssertionError("no suitable seeded ticket"));
  }

  void dump(boolean prepaid, String labour) throws Exception {
    SandboxTicket t = openTicket(prepaid);
    bot.sandbox().requestLog().clear();
    BillStubs.Opened o = modal.open(Long.toString(t.number()));
    modal.submit(o.form(), BillStubs.Form.of("45", labour, "Cleaned up"));
    JsonNode preview = bot.awaitPost(o.command().responsePath(), "Details");
    String id = WriteFlowHarness.planId(preview);
    bot.click(JANE, "plan_confirm", id, newPath(), actionTs());
    bot.awaitState(id, PlanState.DONE);
    Thread.sleep(1500);
    System.out.println("=== prepaid=" + prepaid);
    for (RequestLog.Entry e : bot.sandbox().requestLog().entries()) {
      System.out.println("  " + e.method() + " " + e.path() + " " + e.status());
    }
  }

  @Test
  void probe() throws Exception {
    dump(false, "remote");
    dump(true, "emergency");
  }
}
