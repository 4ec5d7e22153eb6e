/**
 * What the sandbox holds: one immutable record per Syncro resource ({@link
 * com.syncrobot.playground.sandbox.model.SandboxTicket}, {@code SandboxComment}, {@code
 * SandboxLineItem}, {@code SandboxInvoice}, …), the mutable {@link
 * com.syncrobot.playground.sandbox.model.SandboxData} behind the one lock of {@link
 * com.syncrobot.playground.sandbox.model.SandboxStore}, and the deterministic demo data ({@link
 * com.syncrobot.playground.sandbox.model.Seed}, {@code SeedTickets}, the product and contact
 * {@code Catalog}). Start with {@code SandboxStore}; tests read the records through the immutable
 * {@link com.syncrobot.playground.sandbox.model.SandboxState}. {@code Invoicing} holds Syncro's
 * invoice rules (prepaid hours, tax), {@code Vocabulary} its ticket statuses and types, {@code
 * Activity} the changes made outside the bot (a customer replying or writing in, a technician in
 * Syncro's web UI), each answered as a {@link com.syncrobot.playground.sandbox.model.SandboxChange}.
 */
@NullMarked
package com.syncrobot.playground.sandbox.model;

import org.jspecify.annotations.NullMarked;
