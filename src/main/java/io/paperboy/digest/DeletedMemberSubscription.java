package io.paperboy.digest;

import io.paperboy.account.MemberDeletedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When a member's account is deleted, their digest subscription goes with it, in the deletion's
 * transaction: the one linked to them and the one at their address (made before they signed up),
 * with the digests waiting in the outbox for it and the record of what it was sent. See
 * {@code docs/privacy.md}.
 */
@Repository
class DeletedMemberSubscription {

	/** The member's subscriptions, by their user id or by their address. */
	private static final String THEIRS = "select id from digest_subscriptions where user_id = :user or email = :email";

	private final JdbcClient jdbc;

	DeletedMemberSubscription(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void memberDeleted(MemberDeletedEvent deleted) {
		// an account without an address (a submitter an import named) matches by user id alone
		String email = (deleted.email() != null) ? deleted.email() : "";
		// the children first, though they would follow (on delete cascade): what goes is said here
		delete("delete from digest_outbox where subscription_id in (" + THEIRS + ")", deleted.memberId(), email);
		delete("delete from digest_deliveries where subscription_id in (" + THEIRS + ")", deleted.memberId(), email);
		delete("delete from digest_sent_papers where subscription_id in (" + THEIRS + ")", deleted.memberId(), email);
		delete("delete from digest_subscriptions where user_id = :user or email = :email", deleted.memberId(), email);
	}

	private void delete(String statement, long user, String email) {
		this.jdbc.sql(statement).param("user", user).param("email", email).update();
	}

}
