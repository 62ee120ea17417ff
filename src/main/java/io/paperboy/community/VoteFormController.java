package io.paperboy.community;

import io.paperboy.account.Member;
import io.paperboy.catalog.ArxivId;
import io.paperboy.web.BadRequestException;
import io.paperboy.web.SafeRedirect;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The upvote button without JavaScript: {@code POST /papers/{id}/upvote} casts or withdraws the
 * member's vote and sends them back (303) to the page the button was on.
 * <p>
 * The form says what its button showed ({@code vote=up} or {@code vote=withdraw}), so a form sent
 * twice, or from a page older than the member's vote, does what the member saw; without it, the
 * post toggles. A visitor who is not signed in is sent to sign in and back to {@code back} by
 * {@code web.SecurityConfiguration}, and never gets here.
 */
@Controller
class VoteFormController {

	private final Votes votes;

	private final VoteLimit limit;

	VoteFormController(Votes votes, VoteLimit limit) {
		this.votes = votes;
		this.limit = limit;
	}

	@PostMapping("/papers/{id}/upvote")
	ResponseEntity<Void> vote(@PathVariable String id, @RequestParam(required = false) String vote,
			@RequestParam(required = false) String back, Member member) {
		return vote(ArxivId.parse(id), vote, back, member);
	}

	@PostMapping("/papers/{archive}/{number:\\d{7}(?:v\\d+)?}/upvote")
	ResponseEntity<Void> voteOldStyle(@PathVariable String archive, @PathVariable String number,
			@RequestParam(required = false) String vote, @RequestParam(required = false) String back,
			Member member) {
		return vote(ArxivId.parse(archive + "/" + number), vote, back, member);
	}

	private ResponseEntity<Void> vote(ArxivId id, String vote, String back, Member member) {
		String page = (back != null) ? SafeRedirect.path(back) : "/papers/" + id.id();
		if (vote != null && !vote.equals("up") && !vote.equals("withdraw")) {
			throw new BadRequestException("vote must be \"up\" or \"withdraw\" (or left out, to toggle).");
		}
		this.limit.take(member);
		if (vote == null) {
			this.votes.toggle(id.id(), member.id());
		}
		else {
			this.votes.vote(id.id(), member.id(), vote.equals("up"));
		}
		return seeOther(page);
	}

	private static ResponseEntity<Void> seeOther(String location) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
	}

}
