package io.paperboy.community;

import io.paperboy.account.Member;
import io.paperboy.catalog.ArxivId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST} and {@code DELETE /api/papers/{id}/upvote}: a signed-in member casts or withdraws
 * their vote (session cookie and {@code X-CSRF-TOKEN} header). Both are idempotent and answer the
 * paper's count as the member now sees it. A caller who is not signed in never gets here: see
 * {@code web.SecurityConfiguration}.
 */
@RestController
@Tag(name = "Votes", description = "Upvotes of signed-in members")
class VoteApiController {

	private final Votes votes;

	private final VoteLimit limit;

	VoteApiController(Votes votes, VoteLimit limit) {
		this.votes = votes;
		this.limit = limit;
	}

	@Operation(summary = "Upvote a paper", description = "For a signed-in member (session cookie and X-CSRF-TOKEN "
			+ "header); voting twice counts once.")
	@PostMapping("/api/papers/{id}/upvote")
	UpvoteState upvote(@PathVariable String id, Member member) {
		return vote(ArxivId.parse(id), member, true);
	}

	@Operation(summary = "Withdraw an upvote", description = "For a signed-in member; withdrawing a vote that "
			+ "was not cast changes nothing.")
	@DeleteMapping("/api/papers/{id}/upvote")
	UpvoteState withdraw(@PathVariable String id, Member member) {
		return vote(ArxivId.parse(id), member, false);
	}

	@Operation(summary = "Upvote a paper with an old-style id, such as hep-th/9901001")
	@PostMapping("/api/papers/{archive}/{number:\\d{7}(?:v\\d+)?}/upvote")
	UpvoteState upvoteOldStyle(@PathVariable String archive, @PathVariable String number,
			Member member) {
		return vote(ArxivId.parse(archive + "/" + number), member, true);
	}

	@Operation(summary = "Withdraw an upvote of a paper with an old-style id")
	@DeleteMapping("/api/papers/{archive}/{number:\\d{7}(?:v\\d+)?}/upvote")
	UpvoteState withdrawOldStyle(@PathVariable String archive, @PathVariable String number,
			Member member) {
		return vote(ArxivId.parse(archive + "/" + number), member, false);
	}

	private UpvoteState vote(ArxivId id, Member member, boolean upvoted) {
		this.limit.take(member);
		return this.votes.vote(id.id(), member.id(), upvoted);
	}

}
