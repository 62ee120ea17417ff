package io.paperboy.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a mailed sign-in link's token is worth now, read without using it up: the page a link opens
 * says at once when the link is spent, instead of offering a button that can only fail. The tokens
 * are Spring Security's ({@code JdbcOneTimeTokenService}): it deletes a token when it is used, and an
 * expired one at its next clean-up.
 */
@Repository
class SignInLinks {

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInLinks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The state of the link carrying {@code token}. */
	State state(String token) {
		if (token == null || token.isBlank()) {
			return State.SPENT;
		}
		Optional<Timestamp> expires = this.jdbc.sql("select expires_at from one_time_tokens where token_value = :token")
			.param("token", token)
			// as Spring Security writes and reads it: a Timestamp of the instant
			.query((row, number) -> row.getTimestamp("expires_at"))
			.optional();
		if (expires.isEmpty()) {
			return State.SPENT;
		}
		return expires.get().toInstant().isAfter(this.clock.instant()) ? State.USABLE : State.EXPIRED;
	}

	/** What a link can still do. */
	enum State {

		/** It signs in once its button is pressed. */
		USABLE,

		/** It is past its time and has not been cleaned away yet. */
		EXPIRED,

		/** It was used, or expired and cleaned away, or never was a link. */
		SPENT

	}

}
