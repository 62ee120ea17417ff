/**
 * Search: a Lucene index derived from the catalog (BM25 over words, HNSW over embeddings), kept in
 * sync after each committed change, with the search page, the search API and similar papers.
 */
@ApplicationModule(allowedDependencies = { "catalog", "community", "account", "web", "cli" })
package io.paperboy.search;

import org.springframework.modulith.ApplicationModule;
