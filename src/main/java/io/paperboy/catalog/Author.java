package io.paperboy.catalog;

/**
 * One author of a paper, in the order the paper lists them.
 *
 * @param name the name as the source spells it
 * @param sourceId the author's id at the source that supplied it (Hugging Face's {@code _id}), if any
 * @param hidden whether the source hides this author from listings
 */
public record Author(String name, String sourceId, boolean hidden) {

}
