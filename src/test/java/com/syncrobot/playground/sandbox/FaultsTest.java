package com.syncrobot.playground.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.sandbox.model.SandboxComment;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.sandbox.routes.Json;
import com.syncrobot.syncro.SyncroAmbiguousWriteException;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroUnavailableException;
import com.syncrobot.syncro.SyncroWrite;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.syncro.WriteResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each injected write fault reaches the real client as the right exception, with or without the record (R2). */
final class FaultsTest {
  private final SandboxFixture f = new SandboxFixture();
  private final SyncroApi api = f.api();
  private final SandboxTicket ticket = f.state().ticketByNumber(32150).orElseThrow();
  private final SyncroWrite comment = SyncroWrite.post("/tickets/" + ticket.id() + "/comment",
      Json.obj().put("subject", "Resolution").put("body", "Replaced the NIC<br>Tested"), "/comment/id");

  @AfterEach
  void tearDown() {
    f.close();
  }

  private List<SandboxComment> resolutions() {
    return f.state().commentsOf(ticket.id()).stream().filter(c -> c.subject().equals("Resolution")).toList();
  }

  @Test
  void dropAfterCommit_isAmbiguous_andTheCommentExists_R2() {
    f.sandbox.faults().nextWrite(WriteFault.DROP_AFTER_COMMIT);

    assertThatThrownBy(() -> api.write(comment)).isInstanceOf(SyncroAmbiguousWriteException.class)
        .satisfies(e -> assertThat(((SyncroAmbiguousWriteException) e).status()).isZero());

    assertThat(resolutions()).hasSize(1);
    assertThat(f.sandbox.requestLog().entries()).last().satisfies(e -> assertThat(e.status()).isZero());
  }

  @Test
  void dropBeforeCommit_isAmbiguous_andNothingExists_R2() {
    f.sandbox.faults().nextWrite(WriteFault.DROP_BEFORE_COMMIT);

    assertThatThrownBy(() -> api.write(comment)).isInstanceOf(SyncroAmbiguousWriteException.class);

    assertThat(resolutions()).isEmpty();
  }

  @Test
  void serverErrorAfterCommit_isAmbiguous_andTheCommentExists_R2() {
    f.sandbox.faults().nextWrite(WriteFault.SERVER_ERROR_AFTER_COMMIT);

    assertThatThrownBy(() -> api.write(comment)).isInstanceOf(SyncroAmbiguousWriteException.class)
        .satisfies(e -> assertThat(((SyncroAmbiguousWriteException) e).status()).isEqualTo(500));

    assertThat(resolutions()).hasSize(1);
  }

  @Test
  void badGatewayBeforeCommit_isAmbiguous_andNothingExists_R2() {
    f.sandbox.faults().nextWrite(WriteFault.BAD_GATEWAY_BEFORE_COMMIT);

    assertThatThrownBy(() -> api.write(comment)).isInstanceOf(SyncroAmbiguousWriteException.class)
        .satisfies(e -> assertThat(((SyncroAmbiguousWriteException) e).status()).isEqualTo(502));

    assertThat(resolutions()).isEmpty();
  }

  @Test
  void nonJson200_isAmbiguous_andTheCommentExists_R3() {
    f.sandbox.faults().nextWrite(WriteFault.NON_JSON_200);

    assertThatThrownBy(() -> api.write(comment)).isInstanceOf(SyncroAmbiguousWriteException.class)
        .hasMessageContaining("unparsable");

    assertThat(resolutions()).hasSize(1);
  }

  @Test
  void rateLimitedOnce_clientWaitsAndResends_exactlyOneComment() {
    f.sandbox.faults().nextWrite(WriteFault.RATE_LIMITED);

    WriteResponse r = api.write(comment);

    assertThat(resolutions()).extracting(SandboxComment::id).containsExactly(r.id());
    assertThat(f.rateLimitWaits).containsExactly(Duration.ofSeconds(60));
    assertThat(f.sandbox.requestLog().entries()).extracting(RequestLog.Entry::method, RequestLog.Entry::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("POST", 429),
            org.assertj.core.groups.Tuple.tuple("POST", 200));
  }

  @Test
  void faultsApplyToWritesInOrder_readsPassUntouched() {
    f.sandbox.faults().nextWrite(WriteFault.DROP_BEFORE_COMMIT, WriteFault.SERVER_ERROR_AFTER_COMMIT);

    api.ticket(new TicketId(ticket.id()));
    assertThat(f.sandbox.faults().pendingWrites()).hasSize(2);
    assertThatThrownBy(() -> api.write(comment)).isInstanceOf(SyncroAmbiguousWriteException.class);
    assertThatThrownBy(() -> api.write(comment)).isInstanceOf(SyncroAmbiguousWriteException.class);
    api.write(comment);

    assertThat(resolutions()).hasSize(2);
    assertThat(f.sandbox.faults().pendingWrites()).isEmpty();
  }

  @Test
  void afterCommitFault_onAnInvoice_leavesTheInvoiceMade_R2() {
    SandboxTicket fan = f.state().tickets().stream().filter(t -> t.subject().startsWith("Laptop fan")).findFirst()
        .orElseThrow();
    int before = f.state().invoices().size();
    f.sandbox.faults().nextWrite(WriteFault.DROP_AFTER_COMMIT);
    ObjectNode body = Json.obj().put("ticket_id", fan.id()).put("customer_id", fan.customerId())
        .put("category", "Standard");

    assertThatThrownBy(() -> api.write(SyncroWrite.post("/invoices", body, "/invoice/id")))
        .isInstanceOf(SyncroAmbiguousWriteException.class);

    assertThat(f.state().invoices()).hasSize(before + 1);
    assertThat(api.invoicesForTicket(new TicketId(fan.id()))).hasSize(1);
  }

  @Test
  void down_dropsEveryRequest_readsAreUnavailable_untilBackUp() {
    f.sandbox.faults().down(true);

    assertThatThrownBy(() -> api.me()).isInstanceOf(SyncroUnavailableException.class);
    assertThatThrownBy(() -> api.write(comment)).isInstanceOf(SyncroAmbiguousWriteException.class);
    assertThat(resolutions()).isEmpty();

    f.sandbox.faults().down(false);
    assertThat(api.me().userId()).isEqualTo(1735);
  }

  @Test
  void unreachable_writeIsRefusedUnsent_recordsKept_sameUrlServesAgain_R2() {
    String url = f.sandbox.baseUrl();
    api.me(); // leaves a pooled keep-alive connection, which the outage must close too
    f.sandbox.unreachable(true);

    assertThatThrownBy(() -> api.write(comment)).isInstanceOf(SyncroUnavailableException.class)
        .hasMessageContaining("nothing was sent");
    assertThatThrownBy(() -> api.me()).isInstanceOf(SyncroUnavailableException.class);

    f.sandbox.unreachable(false);
    assertThat(f.sandbox.baseUrl()).isEqualTo(url);
    assertThat(resolutions()).isEmpty();
    api.write(comment);
    assertThat(resolutions()).hasSize(1);
    assertThat(f.state().ticketByNumber(32150)).isPresent();
  }

  @Test
  void latency_isWaitedOutOnEveryApiRequest() {
    f.sandbox.faults().latency(Duration.ofMillis(250));

    api.me();
    api.write(comment);

    assertThat(f.latencies).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
  }
}
