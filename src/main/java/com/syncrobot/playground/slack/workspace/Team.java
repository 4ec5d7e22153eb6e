package com.syncrobot.playground.slack.workspace;

/** The fixed identities of the simulated workspace and of the one bot installed in it. */
public final class Team {
  public static final String TEAM_ID = "T0PLAYGND";
  public static final String TEAM_DOMAIN = "playground";
  public static final String TEAM_NAME = "Playground";
  public static final String BOT_USER_ID = "U0SYNCRO";
  public static final String BOT_ID = "B0SYNCRO";
  public static final String APP_ID = "A0SYNCRO";
  public static final String BOT_NAME = "syncro";
  public static final String BOT_REAL_NAME = "Syncro";
  /** Slack's own user, which posts the "failed with the error" notices. */
  public static final String SLACKBOT = "USLACKBOT";
  /** The deprecated verification token Slack still puts in payloads; Bolt ignores it. */
  public static final String LEGACY_TOKEN = "playground-verification-token";
  public static final String SUPPORT = "C0SUPPORT";
  public static final String BILLING = "C0BILLING";

  private Team() {}

  /** Returns the id of the bot's direct-message channel with {@code userId}. */
  public static String dmId(String userId) {
    return "D" + userId.substring(1);
  }
}
