package io.paperboy.community;

import java.util.List;

import io.paperboy.account.Viewer;

/**
 * The comments section of a paper page ({@code community/comments.jte}), as one visitor sees it.
 *
 * @param paperId the paper
 * @param threads the threads the visitor may see, oldest first
 * @param viewer who is looking (their forms carry their CSRF token)
 * @param maxLength the longest comment allowed, in characters
 */
public record CommentSection(String paperId, List<CommentThread> threads, Viewer viewer, int maxLength) {

	public CommentSection {
		threads = List.copyOf(threads);
	}

}
