package io.paperboy.community;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.paperboy.account.Member;
import io.paperboy.account.Viewer;
import io.paperboy.catalog.CatalogChangedEvent;
import io.paperboy.catalog.PaperCounters;
import io.paperboy.catalog.PaperNotFoundException;
import io.paperboy.web.RateLimits;
import io.paperboy.web.TooManyRequestsException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' comments on papers: one level of replies (a reply to a reply joins the top-level
 * comment's thread), edits by the author within {@code paperboy.community.comment-edit-window},
 * deletion by the author, hiding by curators, reports by members.
 * <p>
 * Every change that shows or hides a comment recounts the paper's visible comments in its
 * transaction and publishes a {@link CatalogChangedEvent}: the count is part of the paper
 * (cards, the API's {@code numComments}), and the caches built from papers are refreshed as for
 * any other change to one.
 */
@Service
public class Comments {

	/** The longest comment, in characters (code points). */
	public static final int MAX_LENGTH = 10_000;

	private static final int MAX_REASON_LENGTH = 500;

	private final CommentRepository comments;

	private final PaperCounters counters;

	private final RateLimits rateLimits;

	private final CommentProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Comments(CommentRepository comments, PaperCounters counters, RateLimits rateLimits, CommentProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.comments = comments;
		this.counters = counters;
		this.rateLimits = rateLimits;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Posts a comment, or a reply when {@code replyTo} is given.
	 * @param replyTo the comment replied to: a reply to a reply joins its top-level comment
	 * @throws InvalidCommentException when the text is empty or too long
	 * @throws PaperNotFoundException when the paper is not in the catalog
	 * @throws CommentNotFoundException when {@code replyTo} is not a comment on this paper the
	 * member can see
	 * @throws TooManyRequestsException when the member has posted too many comments this hour
	 * @throws CommentRefusedException when the member has not chosen a name yet
	 */
	@Transactional
	public Comment post(String paperId, Long replyTo, Member author, String markdown) {
		if (author.needsProfile()) {
			throw new CommentRefusedException("Choose your username and display name at /welcome before commenting.");
		}
		String text = checked(markdown);
		lockPaper(paperId);
		Long parentId = null;
		if (replyTo != null) {
			Comment parent = this.comments.find(replyTo)
				.filter((comment) -> comment.paperId().equals(paperId) && !comment.isHidden())
				.orElseThrow(() -> new CommentNotFoundException(replyTo));
			parentId = parent.isReply() ? parent.parentId() : parent.id();
			Comment top = (parentId == parent.id()) ? parent : this.comments.find(parentId).orElseThrow();
			if (top.isHidden()) {
				throw new CommentNotFoundException(replyTo);
			}
		}
		this.rateLimits.take("comment", "member:" + author.id(), this.properties.commentsPerHour(), Duration.ofHours(1),
				"You have posted " + this.properties.commentsPerHour()
						+ " comments in the last hour, as many as one member may. Please wait a while before posting again.");
		long id = this.comments.insert(paperId, parentId, author.id(), text, now());
		changed(paperId);
		return this.comments.find(id).orElseThrow();
	}

	/**
	 * Replaces the text of the member's own comment, within the edit window.
	 * @throws InvalidCommentException when the text is empty or too long
	 * @throws CommentNotFoundException when there is no such comment (or it was deleted)
	 * @throws CommentRefusedException when the comment is not the member's, the window has passed,
	 * or a curator hid it
	 */
	@Transactional
	public Comment edit(long commentId, Member editor, String markdown) {
		String text = checked(markdown);
		Comment comment = editable(commentId, editor);
		this.comments.updateText(comment.id(), text, now());
		return this.comments.find(comment.id()).orElseThrow();
	}

	/**
	 * The member's own comment, if they may still edit it.
	 * @throws CommentNotFoundException when there is no such comment (or it was deleted)
	 * @throws CommentRefusedException when they may not edit it
	 */
	@Transactional(readOnly = true)
	public Comment editable(long commentId, Member editor) {
		Comment comment = existing(commentId);
		if (comment.author().id() != editor.id()) {
			throw new CommentRefusedException("You can only edit your own comments.");
		}
		if (comment.isHidden()) {
			throw new CommentRefusedException("A curator hid this comment; it cannot be edited.");
		}
		if (!withinEditWindow(comment)) {
			throw new CommentRefusedException("Comments can be edited for " + minutes(this.properties.commentEditWindow())
					+ " after they are posted; this one can no longer be changed.");
		}
		return comment;
	}

	/**
	 * Deletes the member's own comment: its text is forgotten; it is shown as "deleted" while
	 * replies to it remain.
	 * @throws CommentNotFoundException when there is no such comment (or it was already deleted)
	 * @throws CommentRefusedException when it is not theirs
	 */
	@Transactional
	public Comment delete(long commentId, Member member) {
		Comment comment = existing(commentId);
		if (comment.author().id() != member.id()) {
			throw new CommentRefusedException("You can only delete your own comments.");
		}
		lockPaper(comment.paperId());
		this.comments.markDeleted(comment.id(), now());
		changed(comment.paperId());
		return this.comments.find(comment.id()).orElseThrow();
	}

	/**
	 * Hides a comment (and with it its replies) from everyone but curators.
	 * @throws CommentRefusedException when the member is not a curator
	 */
	@Transactional
	public Comment hide(long commentId, Member curator) {
		Comment comment = moderated(commentId, curator);
		if (!comment.isHidden()) {
			lockPaper(comment.paperId());
			this.comments.hide(comment.id(), curator.id(), now());
			changed(comment.paperId());
		}
		return this.comments.find(comment.id()).orElseThrow();
	}

	/**
	 * Shows a hidden comment again.
	 * @throws CommentRefusedException when the member is not a curator
	 */
	@Transactional
	public Comment unhide(long commentId, Member curator) {
		Comment comment = moderated(commentId, curator);
		if (comment.isHidden()) {
			lockPaper(comment.paperId());
			this.comments.unhide(comment.id());
			changed(comment.paperId());
		}
		return this.comments.find(comment.id()).orElseThrow();
	}

	/**
	 * Reports a comment to the curators; a member reports a comment once.
	 * @param reason why, optional (at most 500 characters are kept)
	 * @return true when the report is new, false when the member had already reported it
	 * @throws CommentNotFoundException when there is no such comment the member can see
	 */
	@Transactional
	public boolean report(long commentId, Member reporter, String reason) {
		Comment comment = existing(commentId);
		if (comment.isHidden() && !reporter.isCurator()) {
			throw new CommentNotFoundException(commentId);
		}
		String kept = (reason == null || reason.isBlank()) ? null : reason.strip();
		if (kept != null && kept.length() > MAX_REASON_LENGTH) {
			kept = kept.substring(0, MAX_REASON_LENGTH);
		}
		return this.comments.insertReport(comment.id(), reporter.id(), kept, now());
	}

	/** The comment, whatever its state, if it exists. */
	@Transactional(readOnly = true)
	public Optional<Comment> find(long commentId) {
		return this.comments.find(commentId);
	}

	/**
	 * The comments everyone can see on a paper, each thread's top-level comment followed by its
	 * replies, threads oldest first. Deleted comments are left out; a reply to a deleted comment
	 * keeps its {@code parentId}. A hidden comment is left out with its replies.
	 * @throws PaperNotFoundException when the paper is not in the catalog
	 */
	@Transactional(readOnly = true)
	public List<Comment> visibleOn(String paperId) {
		if (!this.comments.paperExists(paperId)) {
			throw new PaperNotFoundException(paperId);
		}
		List<Comment> visible = new ArrayList<>();
		for (Map.Entry<Comment, List<Comment>> thread : threads(paperId).entrySet()) {
			if (thread.getKey().isHidden()) {
				continue;
			}
			if (!thread.getKey().isDeleted()) {
				visible.add(thread.getKey());
			}
			thread.getValue().stream().filter((reply) -> !reply.isDeleted() && !reply.isHidden()).forEach(visible::add);
		}
		return visible;
	}

	/**
	 * A member's comments that everyone can see, newest first, each with its paper's id and title
	 * (for their profile page).
	 * @param limit how many at most
	 */
	@Transactional(readOnly = true)
	public List<UserComment> byAuthor(long userId, int limit) {
		return this.comments.visibleBy(userId, limit);
	}

	/** Reported comments that still stand (hidden ones too), most recently reported first, for curators. */
	@Transactional(readOnly = true)
	public List<ReportedComment> reported(int limit) {
		return this.comments.reported(limit);
	}

	/** The comments section of a paper page as this visitor sees it. */
	@Transactional(readOnly = true)
	public CommentSection section(String paperId, Viewer viewer) {
		Member member = viewer.member();
		boolean curator = viewer.isCurator();
		Set<Long> reported = (member != null) ? this.comments.reportedBy(member.id(), paperId) : Set.of();
		List<CommentThread> threads = new ArrayList<>();
		for (Map.Entry<Comment, List<Comment>> thread : threads(paperId).entrySet()) {
			Comment top = thread.getKey();
			if (top.isHidden() && !curator) {
				continue;
			}
			List<CommentView> replies = thread.getValue()
				.stream()
				.filter((reply) -> !reply.isDeleted() && (curator || !reply.isHidden()))
				.map((reply) -> view(reply, member, reported))
				.toList();
			if (top.isDeleted() && replies.isEmpty()) {
				continue;
			}
			threads.add(new CommentThread(view(top, member, reported), replies));
		}
		return new CommentSection(paperId, threads, viewer, MAX_LENGTH);
	}

	/** Top-level comments, oldest first, each with its replies, oldest first. */
	private Map<Comment, List<Comment>> threads(String paperId) {
		Map<Long, List<Comment>> replies = new LinkedHashMap<>();
		List<Comment> all = this.comments.onPaper(paperId);
		all.stream().filter(Comment::isReply).forEach((reply) -> replies.computeIfAbsent(reply.parentId(), (id) -> new ArrayList<>()).add(reply));
		Map<Comment, List<Comment>> threads = new LinkedHashMap<>();
		all.stream().filter((comment) -> !comment.isReply()).forEach((top) -> threads.put(top, replies.getOrDefault(top.id(), List.of())));
		return threads;
	}

	private CommentView view(Comment comment, Member member, Set<Long> reported) {
		boolean mine = member != null && comment.author().id() == member.id();
		boolean alive = !comment.isDeleted();
		String html = alive ? comment.html() : "";
		boolean canEdit = mine && alive && !comment.isHidden() && withinEditWindow(comment);
		boolean canModerate = member != null && member.isCurator() && alive;
		boolean hasReported = reported.contains(comment.id());
		boolean canReport = member != null && !mine && alive && !hasReported;
		return new CommentView(comment, html, mine, canEdit, canModerate, canReport, hasReported);
	}

	private boolean withinEditWindow(Comment comment) {
		return this.clock.instant().isBefore(comment.createdAt().plus(this.properties.commentEditWindow()));
	}

	private Comment existing(long commentId) {
		return this.comments.find(commentId)
			.filter((comment) -> !comment.isDeleted())
			.orElseThrow(() -> new CommentNotFoundException(commentId));
	}

	private Comment moderated(long commentId, Member curator) {
		if (!curator.isCurator()) {
			throw new CommentRefusedException("Only curators can hide or show comments.");
		}
		return existing(commentId);
	}

	/** The text to store: the member's Markdown as written, if it can be posted. */
	static String checked(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			throw new InvalidCommentException("A comment cannot be empty: write something first.");
		}
		int length = markdown.codePointCount(0, markdown.length());
		if (length > MAX_LENGTH) {
			throw new InvalidCommentException(String.format(java.util.Locale.ENGLISH,
					"A comment has at most %,d characters; this one has %,d. Shorten it and post again.", MAX_LENGTH,
					length));
		}
		return markdown;
	}

	private void lockPaper(String paperId) {
		if (!this.counters.lock(paperId)) {
			throw new PaperNotFoundException(paperId);
		}
	}

	private void changed(String paperId) {
		// the count is the catalog's to keep (a column of papers): counted here, written there
		this.counters.setMemberComments(paperId, this.comments.countVisible(paperId));
		this.events.publishEvent(new CatalogChangedEvent(paperId));
	}

	private Instant now() {
		// the database keeps microseconds: what is read back must equal what was written
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static String minutes(Duration window) {
		long minutes = window.toMinutes();
		return (minutes == 1) ? "1 minute" : minutes + " minutes";
	}

}
