/**
 * Prose drafting by a local language model (R13): the Ollama client with its cached endpoint probe,
 * and drafters that fall back to the technician's own words, and say so, whenever the model is not
 * there or answers badly. The model writes text only; it never picks product, quantity or price.
 * The rules (R…) are in {@code docs/rules.md}.
 */
@NullMarked
package com.syncrobot.draft;

import org.jspecify.annotations.NullMarked;
