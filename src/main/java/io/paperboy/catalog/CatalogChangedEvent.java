package io.paperboy.catalog;

/**
 * A paper or its place on a daily list changed. Listeners that keep derived state (caches, the
 * search index) handle it after the transaction commits.
 *
 * @param paperId the paper that changed
 */
public record CatalogChangedEvent(String paperId) {

}
