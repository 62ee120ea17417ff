package io.paperboy.web;

import javax.sql.DataSource;

import io.paperboy.support.StorageTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Members' sessions on every database Paperboy supports, as two requests of one session meet them:
 * each read the session before the other saved it, and each adds the same attribute (the CSRF
 * token, just after signing in, from two tabs). Each subclass runs the same tests on one database.
 */
@StorageTest
abstract class SessionStorageContract {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@AfterEach
	void forgetSessions() {
		this.jdbc.update("delete from spring_session");
	}

	@Test
	void twoRequestsThatAddTheSameAttributeBothSaveAndTheLastOneWins() {
		JdbcIndexedSessionRepository sessions = sessions();
		sessions.setCreateSessionAttributeQuery(SessionAttributeUpserts.upsertFor(this.dataSource));
		String id = newSession(sessions);

		addFromTwoRequests(sessions, id, "token");

		Session read = sessions.findById(id);
		assertThat(read.<String>getAttribute("token")).isEqualTo("from the second request");
	}

	@Test
	void attributesAddedByOneRequestOnlyAreInsertedAsBefore() {
		JdbcIndexedSessionRepository sessions = sessions();
		sessions.setCreateSessionAttributeQuery(SessionAttributeUpserts.upsertFor(this.dataSource));
		String id = newSession(sessions);

		addFromOneRequest(sessions, id);

		Session read = sessions.findById(id);
		assertThat(read.<String>getAttribute("token")).isEqualTo("t");
		assertThat(read.<String>getAttribute("theme")).isEqualTo("dark");
	}

	@Test
	void springSessionsOwnInsertFailsTheSecondRequest() {
		JdbcIndexedSessionRepository sessions = sessions();
		String id = newSession(sessions);

		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> addFromTwoRequests(sessions, id, "token"));
	}

	private JdbcIndexedSessionRepository sessions() {
		return new JdbcIndexedSessionRepository(this.jdbc, this.transactions);
	}

	private static <S extends Session> String newSession(SessionRepository<S> sessions) {
		S session = sessions.createSession();
		sessions.save(session);
		return session.getId();
	}

	/** Two requests read the session, then each adds the attribute and saves, one after the other. */
	private static <S extends Session> void addFromTwoRequests(SessionRepository<S> sessions, String id,
			String attribute) {
		S first = sessions.findById(id);
		S second = sessions.findById(id);
		first.setAttribute(attribute, "from the first request");
		second.setAttribute(attribute, "from the second request");
		sessions.save(first);
		sessions.save(second);
	}

	private static <S extends Session> void addFromOneRequest(SessionRepository<S> sessions, String id) {
		S session = sessions.findById(id);
		session.setAttribute("token", "t");
		session.setAttribute("theme", "dark");
		sessions.save(session);
	}

}
