package com.syncrobot.store;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Flyway's chatter to SLF4J at DEBUG and keeps its warnings and errors, because {@link Database}
 * logs one INFO line per open instead. Public only because Flyway instantiates it by class name.
 */
public final class QuietFlywayLogCreator implements LogCreator {
  /** Creates the log creator; called by Flyway. */
  public QuietFlywayLogCreator() {}

  @Override
  public Log createLogger(Class<?> clazz) {
    return new QuietLog(LoggerFactory.getLogger(clazz));
  }

  private static final class QuietLog implements Log {
    private final Logger logger;

    QuietLog(Logger logger) {
      this.logger = logger;
    }

    @Override
    public void debug(String message) {
      logger.debug(message);
    }

    @Override
    public void info(String message) {
      logger.debug(message);
    }

    @Override
    public void notice(String message) {
      logger.debug(message);
    }

    @Override
    public void warn(String message) {
      logger.warn(message);
    }

    @Override
    public void error(String message) {
      logger.error(message);
    }

    @Override
    public void error(String message, Exception e) {
      logger.error(message, e);
    }
  }
}
