package com.syncrobot.app;

import com.syncrobot.billing.LabourType;
import com.syncrobot.billing.Money;
import com.syncrobot.billing.Rate;
import com.syncrobot.billing.Unit;
import com.syncrobot.store.Database;
import com.syncrobot.store.RateStore;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Shows and changes the labour rate table the bot bills from (R6); only an admin changes a price. */
@Command(
    name = "rates",
    description = "Show or change the labour rate table (product and price per labour type).",
    subcommands = {RatesCommand.ListRates.class, RatesCommand.SetRate.class})
final class RatesCommand implements Runnable {
  private final Main.Cli cli;

  RatesCommand(Main.Cli cli) {
    this.cli = cli;
  }

  @Override
  public void run() {
    cli.err().println("Use one of: rates list | rates set TYPE --product ID --price 150.00 --name \"...\""
        + " [--unit hour|trip]");
  }

  @Command(name = "list", description = "List the labour rate table.")
  static final class ListRates implements Callable<Integer> {
    private final Main.Cli cli;

    ListRates(Main.Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (Database db = Storage.existingDatabase(cli.config())) {
        cli.out().printf("%-10s %-9s %-44s %9s  %s%n", "TYPE", "PRODUCT", "NAME", "PRICE", "UNIT");
        for (Rate r : new RateStore(db).list()) {
          cli.out().printf("%-10s %-9d %-44s %9s  %s%n", r.type(), r.productId(), r.productName(), r.priceRetail(),
              r.unit());
        }
        return 0;
      }
    }
  }

  @Command(name = "set", description = "Set the Syncro product and price one labour type bills.")
  static final class SetRate implements Callable<Integer> {
    private final Main.Cli cli;

    @Parameters(index = "0", paramLabel = "TYPE", description = "remote, onsite, emergency, project, internal,"
        + " travel or website")
    String type = "";

    @Option(names = "--product", required = true, description = "The Syncro product id, e.g. 1190473.")
    String product = "";

    @Option(names = "--price", required = true, description = "The price_retail to bill, e.g. 150.00.")
    String price = "";

    @Option(names = "--name", required = true, description = "The product's name, sent as the line item name.")
    String name = "";

    @Option(names = "--unit", description = "hour or trip (default: the type's current unit).")
    @Nullable
    String unit;

    SetRate(Main.Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try {
        LabourType t = LabourType.parse(type);
        long productId = productId(product);
        Money money = price(price);
        if (name.isBlank()) {
          throw new IllegalArgumentException(
              "--name must not be empty: give the Syncro product's name, e.g. \"Labor - Remote Business\"");
        }
        @Nullable Unit u = unit != null ? Unit.parse(unit) : null;
        try (Database db = cli.config().openDatabase()) {
          RateStore store = new RateStore(db);
          Optional<Rate> before = before(store, t);
          Unit chosen = u != null ? u : before.map(Rate::unit).orElse(t == LabourType.TRAVEL ? Unit.TRIP : Unit.HOUR);
          Rate rate = new Rate(t, productId, name, money, chosen);
          store.set(rate);
          cli.out().println(t + ": " + rate.describe() + before.map(b -> " (was " + b.describe() + ")").orElse("")
              + ". New billings use it from now on; run `doctor` to compare it with Syncro.");
          return 0;
        }
      } catch (IllegalArgumentException e) {
        cli.err().println(e.getMessage() + ". Nothing was changed.");
        return 2;
      }
    }

    private static Optional<Rate> before(RateStore store, LabourType t) {
      try {
        return store.list().stream().filter(r -> r.type() == t).findFirst();
      } catch (IllegalStateException e) {
        // A table with a row deleted by hand is what `rates set` repairs, so it must not stop here.
        return Optional.empty();
      }
    }

    private static long productId(String text) {
      String t = text.strip();
      if (!t.matches("-?[0-9]{1,18}") || Long.parseLong(t) <= 0) {
        throw new IllegalArgumentException("--product must be a positive Syncro product id, e.g. 1190473; got '"
            + clip(t) + "'");
      }
      return Long.parseLong(t);
    }

    private static Money price(String text) {
      String t = text.strip();
      if (t.matches("-[0-9]+(\\.[0-9]+)?")) {
        throw new IllegalArgumentException("--price cannot be negative; got " + clip(t));
      }
      if (!t.matches("[0-9]{1,9}(\\.[0-9]+)?")) {
        throw new IllegalArgumentException("--price must be an amount like 150.00; got '" + clip(t) + "'");
      }
      if (new BigDecimal(t).stripTrailingZeros().scale() > 2) {
        throw new IllegalArgumentException("--price has more than 2 decimals (" + clip(t)
            + "): Syncro bills whole cents, e.g. 150.01");
      }
      return Money.parse(t);
    }

    private static String clip(String s) {
      return s.length() <= 30 ? s : s.substring(0, 29) + "…";
    }
  }
}
