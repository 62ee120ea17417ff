package io.paperboy.library;

import java.util.List;
import java.util.Set;

/**
 * Everything a member told the site about what they want to read, for a model that ranks papers
 * for them. Read with {@link Library#signals(long)}; nobody but the member and that model sees it.
 *
 * @param memberId whose signals these are
 * @param saved papers in their library, most recently saved first
 * @param notInterested papers they do not want to see, most recent first
 * @param followedAuthors the keys ({@code catalog.Author.nameKey}) of the authors they follow
 * @param upvoted papers they upvoted, most recent first
 * @param submitted papers they submitted, most recent first
 * @param commented papers they commented on, most recent comment first
 */
public record MemberSignals(long memberId, List<TimedPaper> saved, List<TimedPaper> notInterested,
		Set<String> followedAuthors, List<String> upvoted, List<String> submitted, List<String> commented) {

	public MemberSignals {
		saved = List.copyOf(saved);
		notInterested = List.copyOf(notInterested);
		followedAuthors = Set.copyOf(followedAuthors);
		upvoted = List.copyOf(upvoted);
		submitted = List.copyOf(submitted);
		commented = List.copyOf(commented);
	}

}
