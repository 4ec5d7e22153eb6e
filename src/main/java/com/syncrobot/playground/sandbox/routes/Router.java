package com.syncrobot.playground.sandbox.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a method and a path below {@code /api/v1} to a handler. Templates hold at most one {@code
 * {id}}, which matches digits only, as Rails' routes do here. Built once, then read-only.
 */
public final class Router {
  /** Handles one routed call. */
  @FunctionalInterface
  public interface Handler {
    SandboxReply handle(Call call);
  }

  public record Match(Handler handler, long id) {}

  private record Route(String method, Pattern pattern, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();

  /** Returns a router holding every route of the sandbox's API, each answered from {@code env}. */
  public static Router api(Env env) {
    Router router = new Router();
    new AccountRoutes(env).register(router);
    new TicketRoutes(env).register(router);
    new CommentRoutes(env).register(router);
    new ChargeRoutes(env).register(router);
    new CustomerRoutes(env).register(router);
    new AppointmentRoutes(env).register(router);
    new InvoiceRoutes(env).register(router);
    return router;
  }

  Router add(String method, String template, Handler handler) {
    String regex = "^" + Pattern.quote(template).replace("{id}", "\\E(\\d{1,18})\\Q") + "/?$";
    routes.add(new Route(method, Pattern.compile(regex), handler));
    return this;
  }

  public Optional<Match> match(String method, String path) {
    for (Route r : routes) {
      if (!r.method().equals(method)) {
        continue;
      }
      Matcher m = r.pattern().matcher(path);
      if (m.matches()) {
        return Optional.of(new Match(r.handler(), m.groupCount() > 0 ? Long.parseLong(m.group(1)) : 0));
      }
    }
    return Optional.empty();
  }
}
