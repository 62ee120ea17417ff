/** The bulk arXiv metadata snapshot (Kaggle's JSON Lines): a streaming, resumable import. */
package io.paperboy.ingest.snapshot;
