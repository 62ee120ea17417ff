/**
 * Hugging Face's daily-papers lists ({@code GET /api/daily_papers}): the import of saved files
 * ({@code import hf-daily}) and the live sync (the {@code hf} source), sharing one parser.
 */
package io.paperboy.ingest.hfdaily;
