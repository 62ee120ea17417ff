package io.paperboy.catalog;

import java.time.Instant;

/**
 * What the catalog holds of one author, as their page heads it.
 *
 * @param name the author's name as most of their papers spell it
 * @param papers how many papers in the catalog name them
 * @param firstPublished when the earliest of those was published on arXiv, if any has a date
 * @param lastPublished when the latest was
 * @param upvotes the upvotes of all those papers together
 */
public record AuthorSummary(String name, long papers, Instant firstPublished, Instant lastPublished, long upvotes) {

}
