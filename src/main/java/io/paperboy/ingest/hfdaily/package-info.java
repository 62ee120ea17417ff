/** Import of Hugging Face's daily-papers lists ({@code GET /api/daily_papers} files). */
package io.paperboy.ingest.hfdaily;
