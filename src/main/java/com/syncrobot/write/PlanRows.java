package com.syncrobot.write;

import com.syncrobot.syncro.SyncroWrite;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.syncro.TicketNumber;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The table rows of plans and steps, and their conversion to and from the model records. */
final class PlanRows {
  // the row records are public only so that Jdbi may read and build them reflectively
  private PlanRows() {}

  /** A row of {@code plans}; times in epoch milliseconds. */
  public record PlanRow(
      String id,
      String kind,
      String slackUserId,
      long syncroUserId,
      String syncroUserName,
      String channelId,
      @Nullable Long ticketId,
      @Nullable Long ticketNumber,
      @Nullable String ticketSubject,
      @Nullable String customerName,
      String title,
      String state,
      long createdAt,
      long expiresAt,
      @Nullable Long confirmedAt,
      @Nullable Long finishedAt,
      @Nullable String responseUrl,
      @Nullable String previewJson,
      @Nullable String note) {

    static PlanRow of(Plan p) {
      TicketRef t = p.ticket();
      return new PlanRow(p.id(), p.kind(), p.slackUserId(), p.syncroUserId(), p.syncroUserName(), p.channelId(),
          t == null ? null : t.id().value(), t == null ? null : t.number().value(),
          t == null ? null : t.subject(), t == null ? null : t.customerName(), p.title(), p.state().name(),
          p.createdAt().toEpochMilli(), p.expiresAt().toEpochMilli(), millis(p.confirmedAt()),
          millis(p.finishedAt()), p.responseUrl(), p.previewJson(), p.note());
    }

    Plan toPlan(List<StepRow> steps) {
      TicketRef ticket = ticketId == null || ticketNumber == null
          ? null
          : new TicketRef(new TicketId(ticketId), new TicketNumber(ticketNumber),
              ticketSubject == null ? "" : ticketSubject, customerName == null ? "" : customerName);
      return new Plan(id, kind, slackUserId, syncroUserId, syncroUserName, channelId, ticket, title,
          PlanState.valueOf(state), Instant.ofEpochMilli(createdAt), Instant.ofEpochMilli(expiresAt),
          instant(confirmedAt), instant(finishedAt), responseUrl, previewJson, note,
          steps.stream().map(StepRow::toStep).toList());
    }
  }

  /** A row of {@code plan_steps}. */
  public record StepRow(
      String planId,
      int idx,
      String label,
      String method,
      String path,
      @Nullable String body,
      @Nullable String idPointer,
      String checkJson,
      String state,
      int attempt,
      @Nullable Long sentAt,
      @Nullable Long finishedAt,
      @Nullable String sentPath,
      @Nullable String sentBody,
      @Nullable Long resultId,
      @Nullable Integer resultStatus,
      @Nullable String resultBody,
      @Nullable String error,
      @Nullable String verification,
      @Nullable String assertionJson) {

    static StepRow of(Step s) {
      SyncroWrite r = s.request();
      SyncroWrite sent = s.sent();
      Assertion a = s.assertion();
      return new StepRow(s.planId(), s.index(), s.label(), s.method(), s.path(),
          r == null ? null : PlanJson.writeNode(r.body()), r == null ? null : r.idPointer(),
          PlanJson.writeCheck(s.check()), s.state().name(), s.attempt(), millis(s.sentAt()), millis(s.finishedAt()),
          sent == null ? null : sent.path(), sent == null ? null : PlanJson.writeNode(sent.body()), s.resultId(),
          s.resultStatus(), s.resultBody(), s.error(), s.verification(), a == null ? null : PlanJson.writeAssertion(a));
    }

    Step toStep() {
      if (assertionJson != null) {
        // a read: what it read is in sent_path (for the audit); there is no write to rebuild
        return new Step(planId, idx, label, null, PlanJson.readCheck(checkJson), StepState.valueOf(state), attempt,
            instant(sentAt), instant(finishedAt), null, resultId, resultStatus, resultBody, error, verification,
            PlanJson.readAssertion(assertionJson));
      }
      SyncroWrite request = new SyncroWrite(method, path, PlanJson.readNode(body), idPointer);
      SyncroWrite sent = sentPath == null
          ? null
          : new SyncroWrite(method, sentPath, PlanJson.readNode(sentBody), idPointer);
      return new Step(planId, idx, label, request, PlanJson.readCheck(checkJson), StepState.valueOf(state), attempt,
          instant(sentAt), instant(finishedAt), sent, resultId, resultStatus, resultBody, error, verification, null);
    }
  }

  /** The columns that decide what a click on a plan may do. */
  public record PlanHead(String state, String slackUserId, long expiresAt, @Nullable String runner) {
    PlanState planState() {
      return PlanState.valueOf(state);
    }
  }

  /** One audited send, joined with its plan. */
  public record AuditRow(
      String planId,
      String kind,
      String title,
      String planState,
      String slackUserId,
      long syncroUserId,
      String syncroUserName,
      @Nullable Long ticketId,
      @Nullable Long ticketNumber,
      int idx,
      String label,
      int attempt,
      String method,
      String sentPath,
      @Nullable String sentBody,
      String state,
      long sentAt,
      @Nullable Long finishedAt,
      @Nullable Long resultId,
      @Nullable Integer resultStatus,
      @Nullable String resultBody,
      @Nullable String error,
      @Nullable String verification) {

    AuditEntry toEntry() {
      return new AuditEntry(planId, kind, title, PlanState.valueOf(planState), slackUserId, syncroUserId,
          syncroUserName, ticketId == null ? null : new TicketId(ticketId),
          ticketNumber == null ? null : new TicketNumber(ticketNumber), idx, label, attempt, method, sentPath,
          sentBody, StepState.valueOf(state), Instant.ofEpochMilli(sentAt), instant(finishedAt), resultId,
          resultStatus, resultBody, error, verification);
    }
  }

  static @Nullable Long millis(@Nullable Instant t) {
    return t == null ? null : t.toEpochMilli();
  }

  static @Nullable Instant instant(@Nullable Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
