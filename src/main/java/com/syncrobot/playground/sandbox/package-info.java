/**
 * An embedded, stateful stand-in for the part of Syncro's REST API v1 the bot uses, with the real
 * quirks, demo data, and latency and fault injection. A development tool for the playground, the
 * benchmarks and the resilience suite; never started by {@code serve}. Start it with {@link
 * com.syncrobot.playground.sandbox.SyncroSandbox#start}.
 *
 * <p>This package holds the server and what a test turns: {@link
 * com.syncrobot.playground.sandbox.SandboxKnobs} (behaviour where Syncro varies), {@link
 * com.syncrobot.playground.sandbox.SandboxFaults} and {@link
 * com.syncrobot.playground.sandbox.WriteFault} (injected failures), the {@link
 * com.syncrobot.playground.sandbox.RequestLog}; {@code ApiHandler} (latency, rate limit, token,
 * faults, then the route) and {@code AdminHandler} ({@code /_sandbox/}). The records and their
 * store live in {@code sandbox.model}, the endpoints and their JSON in {@code sandbox.routes}.
 *
 * <p>Where Syncro's behaviour is not known (api-notes §6), the sandbox decides as follows:
 *
 * <ul>
 *   <li>Prepaid hours: only products of category "Labor" debit {@code prepay_hours} (Syncro help,
 *       "Prepay Hours"): remote 1190473, onsite 26118, emergency 26184, prepaid project 9269129 and
 *       website 68055. Internal labour 9269124 (category "Internal", not billable) and travel 26117
 *       ("Fees") never do. A line needing more hours than are left is split: the covered hours at
 *       $0.00, the rest at its price. Deleting an invoice gives the hours back.
 *   <li>Invoices tax taxable lines at {@link
 *       com.syncrobot.playground.sandbox.SandboxKnobs#taxRatePercent()} (8.6 % by default), so a line
 *       left at the default {@code taxable: true} changes the total. The ticket's status does not
 *       change when it is invoiced; the bot sets Invoiced itself.
 *   <li>A line without {@code price_retail} shows {@code retail_cents: null, price_retail: 0.0}, as
 *       the spec's update example shows for cost.
 *   <li>{@code status=Not Closed} excludes Resolved and Closed only; Invoiced passes, since Syncro
 *       treats it as a custom status. Lists are newest first; {@code /tickets} ignores {@code
 *       per_page}; {@code /customer_assets} carries the long meta seen on live responses;
 *       {@code /appointments} carries none; {@code total_pages} is 0 for an empty list.
 *   <li>Charging a timer twice makes two line items; nothing is ever deduplicated.
 *   <li>The rate limit counts admitted requests per client IP, authenticated or not; 429s do not
 *       count. Date filters and times without an offset are read in the account's zone.
 *   <li>{@code DELETE /invoices/{id}} answers 200 for any id, deleted or not.
 *   <li>Every write to a ticket or its children (comment, line item, timer, appointment, an invoice
 *       made from it or deleted) touches its {@code updated_at}; {@code since_updated_at} keeps
 *       tickets updated at or after it. {@code customer_reply} is true while the newest public
 *       comment has no user (the customer's): a technician's public comment clears it, an internal
 *       note does not. A customer's reply sets the status Customer Reply, as Syncro's default
 *       automation does.
 * </ul>
 */
@NullMarked
package com.syncrobot.playground.sandbox;

import org.jspecify.annotations.NullMarked;
