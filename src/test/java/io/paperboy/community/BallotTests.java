package io.paperboy.community;

import java.util.Set;

import io.paperboy.account.Member;
import io.paperboy.account.Viewer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BallotTests {

	@Test
	void anAnonymousBallotLeadsToSignInAndBackToItsOwnPage() {
		Ballot ballot = Ballot.anonymous("/papers/search?q=a b&mode=text");

		assertThat(ballot.isAnonymous()).isTrue();
		assertThat(ballot.signInLink()).isEqualTo("/signin?continue=%2Fpapers%2Fsearch%3Fq%3Da+b%26mode%3Dtext");
		assertThat(ballot.csrfToken()).isEmpty();
		assertThat(ballot.hasUpvoted("2506.00001")).isFalse();
	}

	@Test
	void aMembersBallotPressesTheirPapersOnlyAndComesBackToThePage() {
		Member member = new Member(7, "m@example.org", "m7", "M", Set.of(), false);
		Ballot ballot = new Ballot(new Viewer(member, null, "/papers/week/2025-W23?p=2"), Set.of("2506.00001"));

		assertThat(ballot.isAnonymous()).isFalse();
		assertThat(ballot.hasUpvoted("2506.00001")).isTrue();
		assertThat(ballot.hasUpvoted("2506.00002")).isFalse();
		assertThat(ballot.back()).isEqualTo("/papers/week/2025-W23?p=2");
	}

	@Test
	void outsideARequestTheBallotIsAnAnonymousOne() {
		assertThat(Ballot.current().isAnonymous()).isTrue();
		assertThat(Ballot.current().upvoted()).isEmpty();
	}

}
