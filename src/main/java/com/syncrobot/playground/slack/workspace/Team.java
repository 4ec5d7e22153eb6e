package com.syncrobot.playground.slack.workspace;

/** The fixed identities of the simulated workspace and of the one bot installed in it. */
final class Team {
  static final String TEAM_ID = "T0PLAYGND";
  static final String TEAM_DOMAIN = "playground";
  static final String TEAM_NAME = "Playground";
  static final String BOT_USER_ID = "U0SYNCRO";
  static final String BOT_ID = "B0SYNCRO";
  static final String APP_ID = "A0SYNCRO";
  static final String BOT_NAME = "syncro";
  static final String BOT_REAL_NAME = "Syncro";
  /** Slack's own user, which posts the "failed with the error" notices. */
  static final String SLACKBOT = "USLACKBOT";
  /** The deprecated verification token Slack still puts in payloads; Bolt ignores it. */
  static final String LEGACY_TOKEN = "playground-verification-token";
  static final String SUPPORT = "C0SUPPORT";
  static final String BILLING = "C0BILLING";

  private Team() {}

  /** Returns the id of the bot's direct-message channel with {@code userId}. */
  static String dmId(String userId) {
    return "D" + userId.substring(1);
  }
}
