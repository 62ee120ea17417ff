package io.paperboy.community;

import java.util.List;

import io.paperboy.account.MemberDeletedEvent;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.CatalogChangedEvent;
import io.paperboy.catalog.DailyEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What goes of a member's doings when their account is deleted, in the deletion's transaction: their
 * votes, withdrawn one by one as the member would (each paper's count and trending score go down),
 * and their reports of comments. Their comments stay, shown as by "a deleted member" (the account's
 * row keeps its id without anything of the person): others' replies keep their context, as on
 * GitHub, Stack Exchange and Reddit. Their submissions stay on their daily lists. See
 * {@code docs/privacy.md}.
 */
@Component
class DeletedMemberVotes {

	private final Votes votes;

	private final CommentRepository comments;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	DeletedMemberVotes(Votes votes, CommentRepository comments, Catalog catalog, ApplicationEventPublisher events) {
		this.votes = votes;
		this.comments = comments;
		this.catalog = catalog;
		this.events = events;
	}

	@EventListener
	void memberDeleted(MemberDeletedEvent deleted) {
		long member = deleted.memberId();
		// in the order of the papers' ids: a vote locks its paper, and two deletions lock in one order
		List<String> upvoted = this.votes.upvotedBy(member, Integer.MAX_VALUE).stream().sorted().toList();
		for (String paperId : upvoted) {
			this.votes.withdraw(paperId, member);
		}
		this.comments.deleteReportsBy(member);
		// the lists kept ready name the submitter: they show "a deleted member" from now on
		for (DailyEntry entry : this.catalog.dailyEntriesSubmittedBy(member)) {
			this.events.publishEvent(new CatalogChangedEvent(entry.paperId()));
		}
	}

}
