/**
 * Prose drafting by a local language model (R13): the Ollama client with its cached endpoint probe,
 * and drafters that fall back to the technician's own words, and say so, whenever no model answers
 * or it answers badly. The model writes text only; it never picks product, quantity or price. Start
 * at {@link com.syncrobot.draft.CommentDrafter} (a ticket comment) or {@link
 * com.syncrobot.draft.BillingDrafter} (a billing's texts); both talk through {@link
 * com.syncrobot.draft.OllamaClient}. What is drafted is then reviewed by {@code
 * com.syncrobot.billing.ReviewChecklist}; the rules are in {@code docs/rules.md}.
 */
@NullMarked
package com.syncrobot.draft;

import org.jspecify.annotations.NullMarked;
