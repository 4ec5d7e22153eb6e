package com.syncrobot.playground.sandbox.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.syncrobot.playground.sandbox.model.Catalog;
import com.syncrobot.playground.sandbox.model.SandboxCustomer;
import com.syncrobot.playground.sandbox.model.SandboxData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** {@code /customers}, {@code /customers/{id}}, {@code /customer_assets}, {@code /products/{id}}. */
record CustomerRoutes(Env env) {
  void register(Router r) {
    r.add("GET", "/customers", this::list);
    r.add("GET", "/customers/{id}", this::show);
    r.add("GET", "/customer_assets", this::assets);
    r.add("GET", "/products/{id}", this::product);
  }

  /** Searches names, email, phone and contact names; the list shape has no {@code prepay_hours}. */
  private SandboxReply list(Call c) {
    return env.apply(c, (d, p) -> {
      String q = p.blank("query") ? null : p.text("query").strip().toLowerCase(Locale.ROOT);
      List<SandboxCustomer> hits = new ArrayList<>();
      for (SandboxCustomer cu : d.customers.values()) {
        if (q == null || customerMatches(d, cu, q)) {
          hits.add(cu);
        }
      }
      hits.sort(Comparator.comparing(SandboxCustomer::displayName, String.CASE_INSENSITIVE_ORDER));
      Paging<SandboxCustomer> page = Paging.of(hits, Paging.page(p), env.knobs.listPageSize());
      ArrayNode items = Json.arr();
      page.items().forEach(cu -> items.add(env.customers.customer(d, cu, false)));
      return SandboxReply.ok(Json.wrap("customers", items).set("meta", page.longMeta()));
    });
  }

  private SandboxReply show(Call c) {
    return env.store.apply(d -> {
      SandboxCustomer cu = d.customers.get(c.id());
      return cu == null ? SandboxReply.notFound()
          : SandboxReply.ok(Json.wrap("customer", env.customers.customer(d, cu, true)));
    });
  }

  /** Wrapped as {@code assets} (not {@code customer_assets}), with the meta seen on live responses. */
  private SandboxReply assets(Call c) {
    return env.apply(c, (d, p) -> {
      Long customer = p.longValue("customer_id");
      String q = p.blank("query") ? null : p.text("query").strip().toLowerCase(Locale.ROOT);
      List<Catalog.Asset> hits = new ArrayList<>();
      for (Catalog.Asset a : d.assets.values()) {
        if (customer != null && a.customerId() != customer) {
          continue;
        }
        if (q != null && !(a.name().toLowerCase(Locale.ROOT).contains(q)
            || a.assetType().toLowerCase(Locale.ROOT).contains(q)
            || (a.serial() != null && a.serial().toLowerCase(Locale.ROOT).contains(q)))) {
          continue;
        }
        hits.add(a);
      }
      Paging<Catalog.Asset> page = Paging.of(hits, Paging.page(p), env.knobs.listPageSize());
      ArrayNode items = Json.arr();
      page.items().forEach(a -> items.add(env.customers.asset(d, a)));
      return SandboxReply.ok(Json.wrap("assets", items).set("meta", page.longMeta()));
    });
  }

  private SandboxReply product(Call c) {
    return env.store.apply(d -> {
      Catalog.Product pr = d.products.get(c.id());
      return pr == null ? SandboxReply.notFound() : SandboxReply.ok(Json.wrap("product", env.customers.product(pr)));
    });
  }

  private static boolean customerMatches(SandboxData d, SandboxCustomer c, String q) {
    if (c.displayName().toLowerCase(Locale.ROOT).contains(q) || c.fullname().toLowerCase(Locale.ROOT).contains(q)
        || c.email().toLowerCase(Locale.ROOT).contains(q) || c.phone().contains(q)) {
      return true;
    }
    return d.contactsOf(c.id()).stream().anyMatch(k -> k.name().toLowerCase(Locale.ROOT).contains(q));
  }
}
