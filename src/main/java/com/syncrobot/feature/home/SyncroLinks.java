package com.syncrobot.feature.home;

import com.syncrobot.syncro.TicketId;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises links to this account's Syncro web app: {@code https://SUB.syncromsp.com/tickets/ID} and
 * {@code /invoices/ID}, on the host of the configured API base URL only. A link to another Syncro
 * account is ignored: its id would be looked up in ours and could show an unrelated record.
 */
public final class SyncroLinks {
  private static final Pattern PATH = Pattern.compile("/(tickets|invoices)/([0-9]{1,15})/?");

  private final String host;
  private final int port;

  /** A recognised link, normalised to {@code scheme://host/kind/id} (no query), with its id. */
  sealed interface Link permits TicketLink, InvoiceLink {
    /** The URL exactly as Slack sent it: the key chat.unfurl expects. */
    String url();

    /** The normalised URL the preview links to. */
    String canonical();
  }

  /** A ticket page; the URL holds the ticket's id (not its number), as Syncro builds it. */
  record TicketLink(String url, String canonical, TicketId id) implements Link {}

  /** An invoice page. */
  record InvoiceLink(String url, String canonical, long id) implements Link {}

  /**
   * Creates a matcher for the host of {@code apiBaseUrl}, e.g. {@code https://acme.syncromsp.com/api/v1}.
   *
   * @throws IllegalArgumentException if it is not an absolute http(s) URL
   */
  public SyncroLinks(String apiBaseUrl) {
    URI base = URI.create(Objects.requireNonNull(apiBaseUrl, "apiBaseUrl == null").strip());
    if (base.getHost() == null || base.getScheme() == null || !base.getScheme().toLowerCase(Locale.ROOT)
        .startsWith("http")) {
      throw new IllegalArgumentException("not an http(s) base URL");
    }
    this.host = base.getHost().toLowerCase(Locale.ROOT);
    this.port = port(base);
  }

  /** Returns the host previews are for, e.g. {@code acme.syncromsp.com} (the manifest's unfurl domain). */
  String host() {
    return host;
  }

  /** Returns what {@code url} links to, if it is a ticket or invoice page on our Syncro host. */
  Optional<Link> parse(String url) {
    URI u;
    try {
      u = new URI(url.strip());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (u.getHost() == null || u.getScheme() == null || !host.equals(u.getHost().toLowerCase(Locale.ROOT))
        || port(u) != port || u.getPath() == null) {
      return Optional.empty();
    }
    Matcher m = PATH.matcher(u.getPath());
    if (!m.matches()) {
      return Optional.empty();
    }
    long id = Long.parseLong(m.group(2));
    if (id <= 0) {
      return Optional.empty();
    }
    String canonical = u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT)
        + (u.getPort() == -1 ? "" : ":" + u.getPort()) + "/" + m.group(1) + "/" + id;
    return Optional.of(m.group(1).equals("tickets")
        ? new TicketLink(url, canonical, new TicketId(id))
        : new InvoiceLink(url, canonical, id));
  }

  private static int port(URI u) {
    if (u.getPort() != -1) {
      return u.getPort();
    }
    return "http".equalsIgnoreCase(u.getScheme()) ? 80 : 443;
  }
}
