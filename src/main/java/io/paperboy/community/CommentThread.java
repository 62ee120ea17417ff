package io.paperboy.community;

import java.util.List;

/**
 * A top-level comment and its replies, oldest first.
 *
 * @param comment the top-level comment (shown as "deleted" when its author deleted it and replies
 * remain)
 * @param replies the replies the visitor may see
 */
public record CommentThread(CommentView comment, List<CommentView> replies) {

	public CommentThread {
		replies = List.copyOf(replies);
	}

}
