package io.paperboy.stats;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import io.paperboy.account.User;
import io.paperboy.account.UserDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Members' votes for tests, written straight into the votes table: one new member per vote. */
final class MemberVotes {

	private static final AtomicInteger MEMBERS = new AtomicInteger();

	private MemberVotes() {
	}

	static void cast(JdbcClient jdbc, UserDirectory users, String paperId, Instant... times) {
		for (Instant at : times) {
			User member = users.ensureImported("member-" + MEMBERS.incrementAndGet(), null, null, null);
			jdbc.sql("insert into votes (paper_id, user_id, voted_at) values (:paper, :user, :at)")
				.param("paper", paperId)
				.param("user", member.id())
				.param("at", at.atOffset(ZoneOffset.UTC))
				.update();
		}
	}

}
