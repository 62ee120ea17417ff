package io.paperboy.web;

import io.paperboy.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own session store, as two requests of one member's session meet it: each read
 * the session before the other saved it, and each adds the CSRF token (two tabs opened just after
 * signing in). Both are saved; the last one wins.
 */
@WebTest
class SessionRaceTests {

	@Autowired
	private SessionRepository<? extends Session> sessions;

	@Test
	void twoRequestsOfOneSessionThatAddTheSameAttributeAreBothSaved() {
		assertThat(raceOn(this.sessions)).isEqualTo("from the second request");
	}

	private static <S extends Session> String raceOn(SessionRepository<S> sessions) {
		S session = sessions.createSession();
		sessions.save(session);
		S first = sessions.findById(session.getId());
		S second = sessions.findById(session.getId());
		first.setAttribute("token", "from the first request");
		second.setAttribute("token", "from the second request");
		sessions.save(first);
		sessions.save(second);
		String token = sessions.findById(session.getId()).getAttribute("token");
		sessions.deleteById(session.getId());
		return token;
	}

}
