package io.paperboy.library;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import io.paperboy.account.Member;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.community.Comments;
import io.paperboy.community.UserComment;
import io.paperboy.community.Votes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every signal a member gives, in one place: what this module keeps (saves, not interested,
 * follows, collections) and what the community module keeps (upvotes, submissions, comments). A
 * ranking model reads {@link #of(long)}; the member reads and downloads {@link #export(Member)}.
 * Nobody else sees any of it (see {@code docs/library.md}).
 */
@Service
public class Signals {

	/** How many of each kind a model is given, and a page shows: the most recent. */
	static final int MOST_RECENT = 1000;

	/** How many of each kind the export holds: all a member can reasonably have. */
	static final int EXPORTED = 100_000;

	private final Library library;

	private final Votes votes;

	private final Comments comments;

	private final Catalog catalog;

	private final Clock clock;

	Signals(Library library, Votes votes, Comments comments, Catalog catalog, Clock clock) {
		this.library = library;
		this.votes = votes;
		this.comments = comments;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** The member's signals, each kind most recent first (at most {@value #MOST_RECENT} of a kind). */
	@Transactional(readOnly = true)
	public MemberSignals of(long memberId) {
		return of(memberId, MOST_RECENT);
	}

	private MemberSignals of(long memberId, int limit) {
		return new MemberSignals(memberId, limited(this.library.allSaved(memberId), limit),
				limited(this.library.allNotInterested(memberId), limit),
				this.library.followed(memberId).stream().map(FollowedAuthor::nameKey).collect(Collectors.toSet()),
				this.votes.upvotedBy(memberId, limit),
				this.catalog.dailyEntriesSubmittedBy(memberId).stream().map(DailyEntry::paperId).limit(limit).toList(),
				this.comments.byAuthor(memberId, limit).stream().map(UserComment::paperId).distinct().toList());
	}

	/** The arXiv categories the member picked for their feed, in alphabetical order. */
	@Transactional(readOnly = true)
	public List<String> categories(long memberId) {
		return this.library.pickedCategories(memberId).stream().map(PickedCategory::category).toList();
	}

	/** The comments the member wrote that still stand, newest first. */
	@Transactional(readOnly = true)
	public List<UserComment> comments(long memberId, int limit) {
		return this.comments.byAuthor(memberId, limit);
	}

	/** Everything the member gave, for "Download my data". */
	@Transactional(readOnly = true)
	public MemberData export(Member member) {
		long id = member.id();
		MemberSignals signals = of(id, EXPORTED);
		List<MemberData.Collection> collections = this.library.collections(id)
			.stream()
			.map((collection) -> MemberData.Collection.of(collection, this.library.items(collection.id())))
			.toList();
		return new MemberData(Instant.now(this.clock), member.username(), member.displayName(), signals.saved(),
				signals.notInterested(), this.library.followed(id), this.library.pickedCategories(id), collections, signals.upvoted(), signals.submitted(),
				this.comments.byAuthor(id, EXPORTED).stream().map(MemberData.Comment::of).toList());
	}

	private static <T> List<T> limited(List<T> list, int limit) {
		return (list.size() > limit) ? list.subList(0, limit) : list;
	}

}
