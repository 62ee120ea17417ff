/**
 * Harvest of arXiv's OAI-PMH interface ({@code ListRecords} in the {@code arXiv} or
 * {@code arXivRaw} format), page by page, each page saved with the resumption token of the next in
 * one transaction, so an interrupted harvest resumes where it stopped.
 */
package io.paperboy.ingest.oai;
