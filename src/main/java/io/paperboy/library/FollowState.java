package io.paperboy.library;

/**
 * Whether a member follows an author, after they asked.
 *
 * @param name the author's name as asked
 * @param nameKey the author's key
 * @param following whether the member follows them
 */
public record FollowState(String name, String nameKey, boolean following) {

}
