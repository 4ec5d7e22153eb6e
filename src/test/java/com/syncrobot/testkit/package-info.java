/**
 * The test kit: what many tests share, in one place. Start with {@link com.syncrobot.testkit.BotRig}
 * when a test needs the real bot between the Syncro sandbox and the Slack simulator.
 *
 * <ul>
 *   <li>{@link com.syncrobot.testkit.BotRig}: a builder for the sandbox, the simulator and the bot's store
 *       with every simulated user connected, and the bot itself (in this JVM, or its environment for a
 *       child JVM); used by the resilience rig, the digest permission tests and the bench.
 *   <li>{@link com.syncrobot.testkit.Clocks}: the one settable clock (threeten-extra's
 *       {@code MutableClock} in UTC).
 *   <li>{@link com.syncrobot.testkit.Fixtures}: the signing secret, bot token, Syncro tokens and token
 *       keys the tests use.
 *   <li>{@link com.syncrobot.testkit.JsonFixtures}: Syncro and Slack JSON kept as files under
 *       {@code src/test/resources/fixtures}.
 *   <li>{@link com.syncrobot.testkit.Forms}: the bot's form-encoded Slack Web API calls, decoded.
 *   <li>{@link com.syncrobot.testkit.TempFolders}: folders for fixtures made outside {@code @TempDir}.
 * </ul>
 *
 * <p>The flow tests of {@code com.syncrobot.app} drive an in-process bot with a movable clock and Slack on
 * WireMock through {@code app.WriteFlowHarness}: {@code builder().syncroOnWireMock().build()} in a static
 * {@code @RegisterExtension} field gives each test a fresh bot. It stays in {@code app} because it wires
 * the bot from parts through {@code BotServer}'s package-private start (clock, store, drafting model);
 * it takes its keys, tokens, clock and JSON from here.
 */
@NullMarked
package com.syncrobot.testkit;

import org.jspecify.annotations.NullMarked;
