/**
 * Thumbnails of papers' first pages, made here from the PDF (fetched from arXiv in the background,
 * politely), kept on disk and served by this site, with a placeholder until one is made.
 */
@ApplicationModule(allowedDependencies = { "catalog", "ingest", "web" })
package io.paperboy.thumbnail;

import org.springframework.modulith.ApplicationModule;
