package io.paperboy.community;

import java.util.List;

import io.paperboy.account.User;
import io.paperboy.account.Viewer;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.catalog.PaperListing;
import io.paperboy.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Profiles: who someone is on Paperboy and what they did there. */
@Service
public class Profiles {

	private final ProfileRepository people;

	private final Catalog catalog;

	private final Votes votes;

	private final Comments comments;

	Profiles(ProfileRepository people, Catalog catalog, Votes votes, Comments comments) {
		this.people = people;
		this.catalog = catalog;
		this.votes = votes;
		this.comments = comments;
	}

	/**
	 * The profile of {@code username} as {@code viewer} sees it.
	 * @throws NotFoundException when no one has this username
	 */
	@Transactional(readOnly = true)
	public ProfilePage profile(String username, Viewer viewer) {
		// what is left of a deleted account has no page: it would gather the comments it left
		Person person = this.people.find(username)
			.filter((found) -> !User.isDeleted(found.username()))
			.orElseThrow(() -> new NotFoundException("No one is called " + abbreviate(username) + " on this site."));
		List<DailyEntry> entries = this.catalog.dailyEntriesSubmittedBy(person.id());
		List<PaperListing> submitted = this.catalog.listings(entries.stream().limit(ProfilePage.SHOWN).toList());
		List<PaperListing> upvoted = this.catalog.listingsOf(this.votes.upvotedBy(person.id(), ProfilePage.SHOWN));
		List<UserComment> comments = this.comments.byAuthor(person.id(), ProfilePage.SHOWN);
		List<String> shown = java.util.stream.Stream.concat(submitted.stream(), upvoted.stream())
			.map((listing) -> listing.paper().id())
			.distinct()
			.toList();
		return new ProfilePage(person, submitted, entries.size(), upvoted, this.votes.countUpvotedBy(person.id()),
				comments, this.votes.ballot(viewer, shown));
	}

	private static String abbreviate(String text) {
		return "\"" + ((text.length() > 40) ? text.substring(0, 40) + "…" : text) + "\"";
	}

}
