package com.syncrobot.feature.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.notify.EventKind;
import com.syncrobot.notify.NotifyStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parsing {@code /syncro subscribe}, matching names against the account's, and the freshness words. */
final class SubscribeArgsTest {
  static final List<String> STATUSES = List.of("New", "In Progress", "Waiting on Customer", "Resolved");

  static SubscribeArgs.Request request(String args) {
    SubscribeArgs.Parsed p = SubscribeArgs.parse(args);
    assertThat(p).isInstanceOf(SubscribeArgs.Request.class);
    return (SubscribeArgs.Request) p;
  }

  @Test
  void channelCustomerOfSeveralWordsStatusesAndEvents() {
    SubscribeArgs.Request r = request("<#C0123ABCD|support> customer Hollis &amp; Pratt CPAs status \"Waiting on "
        + "Customer\" In Progress events new, reply,resolved");

    assertThat(r.channelId()).isEqualTo("C0123ABCD");
    assertThat(r.customer()).isEqualTo("Hollis & Pratt CPAs");
    assertThat(r.events()).isEqualTo(EnumSet.of(EventKind.NEW, EventKind.REPLY, EventKind.RESOLVED));
    assertThat(SubscribeArgs.names(r.statuses(), STATUSES, "status"))
        .isEqualTo(List.of("Waiting on Customer", "In Progress"));
  }

  @Test
  void nothingGiven_here_everyCustomer_everyEvent() {
    SubscribeArgs.Request r = request("here");
    assertThat(r.channelId()).isNull();
    assertThat(r.customer()).isNull();
    assertThat(r.events()).isEqualTo(EventKind.subscribable());
  }

  @Test
  void badInput_oneSentenceEach() {
    assertThat(SubscribeArgs.parse("acme")).isEqualTo(new SubscribeArgs.Problem("`acme` is not something I can "
        + "filter on; start with `customer`, `status`, `priority` or `events`. Usage: " + SubscribeArgs.USAGE));
    assertThat(SubscribeArgs.parse("customer")).extracting(p -> ((SubscribeArgs.Problem) p).message()).asString()
        .startsWith("Which customer?");
    assertThat(SubscribeArgs.parse("status \"Waiting on")).extracting(p -> ((SubscribeArgs.Problem) p).message())
        .asString().startsWith("A quote is not closed");
    assertThat(SubscribeArgs.parse("status New status Resolved")).extracting(p -> ((SubscribeArgs.Problem) p)
        .message()).asString().isEqualTo("Give `status` once, with all its values after it.");
    assertThat(SubscribeArgs.parse("#support")).extracting(p -> ((SubscribeArgs.Problem) p).message()).asString()
        .startsWith("Slack sent `#support` as plain text");
    assertThat(SubscribeArgs.names(List.of(new SubscribeArgs.Word("In", false), new SubscribeArgs.Word("Limbo",
        false)), STATUSES, "status")).isInstanceOf(SubscribeArgs.Problem.class);
  }

  @Test
  void freshness_inWords() {
    Instant now = Instant.parse("2026-12-06T14:10:00Z");
    ZoneId utc = ZoneId.of("UTC");
    assertThat(SubscriptionWords.freshness(Optional.empty(), now, utc)).isEqualTo("not checked yet");
    assertThat(SubscriptionWords.freshness(Optional.of(new NotifyStatus(now.minusSeconds(40), null, 0, null)), now,
        utc)).isEqualTo("checked 40 s ago");
    assertThat(SubscriptionWords.freshness(Optional.of(new NotifyStatus(now.minusSeconds(600),
        Instant.parse("2026-12-06T14:05:00Z"), 3, "Syncro's request budget is full")), now, null))
        .isEqualTo("delayed: Syncro's request budget is full since 14:05 (UTC), nothing is lost; 3 posts waiting to "
            + "go out");
  }
}
