package io.paperboy.account;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.PaperCounters;
import io.paperboy.catalog.PaperListing;
import io.paperboy.community.Comment;
import io.paperboy.community.Comments;
import io.paperboy.community.Profiles;
import io.paperboy.community.Votes;
import io.paperboy.library.Library;
import io.paperboy.library.PaperCollection;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.MutableClock;
import io.paperboy.support.StorageTest;
import io.paperboy.support.TestMembers;
import io.paperboy.support.TestPapers;
import io.paperboy.web.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What deleting an account must do on every database Paperboy supports: every module removes what
 * it keeps for the member and nothing of anyone else; comments and submissions stay, as by "a
 * deleted member". Each subclass runs the same tests on one database.
 */
@StorageTest
@ExtendWith(EmptyCatalog.class)
abstract class AccountDeletionStorageContract {

	private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

	private static final String FIRST = "2506.00001";

	private static final String SECOND = "2506.00002";

	@Autowired
	Accounts accounts;

	@Autowired
	Catalog catalog;

	@Autowired
	PaperCounters counters;

	@Autowired
	Library library;

	@Autowired
	Votes votes;

	@Autowired
	Comments comments;

	@Autowired
	Profiles profiles;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void twoPapersAndNoSubscriptions() {
		this.clock.set(MutableClock.Configuration.START);
		// digest rows are no catalog table: emptied here, children first
		for (String table : List.of("digest_outbox", "digest_deliveries", "digest_sent_papers", "digest_subscriptions",
				"one_time_tokens", "spring_session")) {
			this.jdbc.sql("delete from " + table).update();
		}
		this.catalog.savePaper(TestPapers.paper(FIRST).withTitle("A first paper").build(), JUNE_2);
		this.catalog.savePaper(TestPapers.paper(SECOND).withTitle("A second paper").build(), JUNE_2);
		this.catalog.placeOnDailyList(TestPapers.entry(FIRST, JUNE_2));
		this.catalog.placeOnDailyList(TestPapers.entry(SECOND, JUNE_2));
	}

	@Test
	void deletingAnAccountRemovesEveryRowOfTheMemberInEveryModuleAndNothingOfAnothers() {
		Member leaving = TestMembers.create(this.accounts);
		Member staying = TestMembers.create(this.accounts);
		everything(leaving, staying);
		everything(staying, leaving);
		Map<String, Long> stayingBefore = rowsOf(staying);
		Member stayingAsStored = this.accounts.find(staying.id()).orElseThrow();
		assertThat(rowsOf(leaving)).as("the rows the test made").allSatisfy((table, rows) -> assertThat(rows).isPositive());

		this.accounts.delete(leaving.id(), leaving.username());

		assertThat(rowsOf(leaving)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
		assertThat(rowsOf(staying)).isEqualTo(stayingBefore);
		assertThat(this.accounts.find(staying.id())).hasValue(stayingAsStored);
		assertThat(this.accounts.findByEmail(leaving.email())).isEmpty();
	}

	@Test
	void theVotesOfADeletedMemberLeaveThePapersCounts() {
		Member leaving = TestMembers.create(this.accounts);
		Member staying = TestMembers.create(this.accounts);
		this.votes.upvote(FIRST, leaving.id());
		this.votes.upvote(FIRST, staying.id());
		this.votes.upvote(SECOND, leaving.id());
		int firstBefore = this.counters.upvotes(FIRST).orElseThrow();
		int secondBefore = this.counters.upvotes(SECOND).orElseThrow();

		this.accounts.delete(leaving.id(), leaving.username());

		assertThat(this.counters.upvotes(FIRST)).hasValue(firstBefore - 1);
		assertThat(this.counters.upvotes(SECOND)).hasValue(secondBefore - 1);
		assertThat(this.votes.hasVoted(FIRST, staying.id())).isTrue();
	}

	@Test
	void commentsAndSubmissionsStayAsByADeletedMemberWhoHasNoProfile() {
		Member leaving = TestMembers.create(this.accounts, "Leaving Member");
		Member staying = TestMembers.create(this.accounts);
		Comment said = this.comments.post(FIRST, null, leaving, "What I said");
		this.comments.post(FIRST, said.id(), staying, "A reply to it");
		submittedBy(FIRST, leaving);

		this.accounts.delete(leaving.id(), leaving.username().toUpperCase(java.util.Locale.ROOT));

		assertThat(this.comments.visibleOn(FIRST)).extracting((comment) -> comment.author().displayName(), Comment::markdown)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(User.DELETED_NAME, "What I said"),
					org.assertj.core.groups.Tuple.tuple(staying.displayName(), "A reply to it"));
		User author = this.comments.visibleOn(FIRST).get(0).author();
		assertThat(author.isDeleted()).isTrue();
		assertThat(author.username()).doesNotContain(leaving.username());
		PaperListing listing = this.catalog.listingsOf(List.of(FIRST)).get(0);
		assertThat(listing.submitter().isDeleted()).isTrue();
		assertThat(listing.submitter().displayName()).isEqualTo(User.DELETED_NAME);
		assertThatThrownBy(() -> this.profiles.profile(author.username(), Viewer.ANONYMOUS))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.profiles.profile(leaving.username(), Viewer.ANONYMOUS))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void aConfirmationThatIsNotTheUsernameDeletesNothing() {
		Member member = TestMembers.create(this.accounts);
		Member other = TestMembers.create(this.accounts);
		everything(member, other);
		Map<String, Long> before = rowsOf(member);

		for (String typed : new String[] { "", "  ", other.username(), member.displayName(), null }) {
			assertThatThrownBy(() -> this.accounts.delete(member.id(), typed))
				.isInstanceOf(AccountDeletionRefusedException.class)
				.hasMessageContaining("type your username, " + member.username())
				.hasMessageContaining("Nothing was deleted");
		}

		assertThat(rowsOf(member)).isEqualTo(before);
		assertThat(this.accounts.find(member.id()).orElseThrow().username()).isEqualTo(member.username());
	}

	@Test
	void theOnlyAdministratorCannotDeleteTheirAccountUntilThereIsAnother() {
		Member admin = TestMembers.member(this.accounts, "boss", "The Boss", Role.ADMIN);
		this.library.save(admin.id(), FIRST, true);

		assertThatThrownBy(() -> this.accounts.delete(admin.id(), "boss"))
			.isInstanceOf(AccountDeletionRefusedException.class)
			.hasMessageContaining("only administrator")
			.hasMessageContaining("Nothing was deleted");
		assertThat(this.accounts.find(admin.id()).orElseThrow().isAdmin()).isTrue();
		assertThat(this.library.savedIds(admin.id())).containsExactly(FIRST);

		TestMembers.member(this.accounts, "deputy", "The Deputy", Role.ADMIN);
		this.accounts.delete(admin.id(), "boss");

		assertThat(this.accounts.findByEmail("boss@example.org")).isEmpty();
		assertThat(this.accounts.withRoles()).extracting(Member::username).containsExactly("deputy");
	}

	@Test
	void theAddressOfADeletedAccountSignsUpAgainAsANewMember() {
		Member leaving = TestMembers.create(this.accounts);
		this.library.save(leaving.id(), FIRST, true);
		this.accounts.delete(leaving.id(), leaving.username());

		Member again = this.accounts.loadUserByUsername(leaving.email());

		assertThat(again.id()).isNotEqualTo(leaving.id());
		assertThat(again.needsProfile()).isTrue();
		assertThat(this.library.savedIds(again.id())).isEmpty();
		assertThat(this.accounts.chooseProfile(again.id(), leaving.username(), "Back Again").username())
			.as("the username is free again").isEqualTo(leaving.username());
	}

	@Test
	void aDeletedAccountIsNotDeletedTwiceNorLinkedToAnAddress() {
		Member leaving = TestMembers.create(this.accounts);
		this.accounts.delete(leaving.id(), leaving.username());
		String left = this.jdbc.sql("select username from users where id = :id").param("id", leaving.id())
			.query(String.class).single();

		assertThatThrownBy(() -> this.accounts.delete(leaving.id(), left)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.accounts.deleteByUsername(left)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.accounts.link(left, "someone@example.org"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/** Gives the member something in every table that keeps something of members. */
	private void everything(Member member, Member other) {
		this.accounts.grant(member.email(), Role.CURATOR);
		this.library.save(member.id(), FIRST, true);
		this.library.notInterested(member.id(), SECOND, true);
		this.library.follow(member.id(), "Ada Lovelace", true);
		PaperCollection collection = this.library.createCollection(member.id(), "Reading " + member.username(), null, "",
				true);
		this.library.addToCollection(member.id(), collection.id(), FIRST, "a note");
		this.votes.upvote(FIRST, member.id());
		this.votes.upvote(SECOND, member.id());
		Comment comment = this.comments.post(SECOND, null, other, "Something to report, by " + other.username());
		this.comments.report(comment.id(), member, "off topic");
		long subscription = subscribe(member);
		this.jdbc.sql("""
				insert into digest_outbox (subscription_id, period, recipient, message_id, state, next_attempt_at, created_at)
				values (:subscription, '2025-06-02', :email, :messageId, 'queued', :now, :now)
				""")
			.param("subscription", subscription)
			.param("email", member.email())
			.param("messageId", "<" + member.username() + "@papers.example.org>")
			.param("now", now())
			.update();
		this.jdbc.sql("""
				insert into one_time_tokens (token_value, username, expires_at)
				values (:token, :email, :expires)
				""")
			.param("token", java.util.UUID.randomUUID().toString())
			.param("email", member.email())
			.param("expires", java.sql.Timestamp.from(now().toInstant().plusSeconds(900)))
			.update();
		this.jdbc.sql("""
				insert into dev_mail (recipient, subject, text_body, headers, created_at)
				values (:email, 'Your Paperboy sign-in link', 'A link', '', :now)
				""")
			.param("email", member.email())
			.param("now", now())
			.update();
		String session = java.util.UUID.randomUUID().toString();
		this.jdbc.sql("""
				insert into spring_session (primary_id, session_id, creation_time, last_access_time,
				    max_inactive_interval, expiry_time, principal_name)
				values (:id, :id, 0, 0, 2592000, 4102444800000, :email)
				""")
			.param("id", session)
			.param("email", member.email())
			.update();
		this.jdbc.sql("""
				insert into spring_session_attributes (session_primary_id, attribute_name, attribute_bytes)
				values (:id, 'SPRING_SECURITY_CONTEXT', :bytes)
				""")
			.param("id", session)
			.param("bytes", new byte[] { 1, 2, 3 })
			.update();
	}

	/** The member's digest subscription, confirmed, as their settings page makes it. */
	private long subscribe(Member member) {
		this.jdbc.sql("""
				insert into digest_subscriptions (email, status, cadence, weekday, delivery_hour, time_zone, paper_count,
				    categories, keywords, min_upvotes, ordering, user_id, created_at, requested_at, confirmed_at)
				values (:email, 'confirmed', 'daily', 1, 7, 'UTC', 10, '', '', 0, 'trending', :user, :now, :now, :now)
				""")
			.param("email", member.email())
			.param("user", member.id())
			.param("now", now())
			.update();
		return this.jdbc.sql("select id from digest_subscriptions where email = :email")
			.param("email", member.email())
			.query(Long.class)
			.single();
	}

	private void submittedBy(String paperId, Member member) {
		this.jdbc.sql("update daily_entries set submitter_id = :member where paper_id = :paper")
			.param("member", member.id())
			.param("paper", paperId)
			.update();
	}

	/** How many rows each table keeps of this member. */
	private Map<String, Long> rowsOf(Member member) {
		Map<String, String> queries = new LinkedHashMap<>();
		queries.put("user_roles", "select count(*) from user_roles where user_id = :id");
		queries.put("one_time_tokens", "select count(*) from one_time_tokens where username = :email");
		queries.put("spring_session", "select count(*) from spring_session where principal_name = :email");
		queries.put("spring_session_attributes", """
				select count(*) from spring_session_attributes
				where session_primary_id in (select primary_id from spring_session where principal_name = :email)
				""");
		queries.put("dev_mail", "select count(*) from dev_mail where recipient = :email");
		queries.put("users (with the address)", "select count(*) from users where email = :email");
		queries.put("votes", "select count(*) from votes where user_id = :id");
		queries.put("comment_reports", "select count(*) from comment_reports where reporter_id = :id");
		queries.put("library_saves", "select count(*) from library_saves where user_id = :id");
		queries.put("library_not_interested", "select count(*) from library_not_interested where user_id = :id");
		queries.put("library_follows", "select count(*) from library_follows where user_id = :id");
		queries.put("library_collections", "select count(*) from library_collections where user_id = :id");
		queries.put("library_collection_items", """
				select count(*) from library_collection_items
				where collection_id in (select id from library_collections where user_id = :id)
				""");
		queries.put("digest_subscriptions",
				"select count(*) from digest_subscriptions where user_id = :id or email = :email");
		queries.put("digest_outbox", "select count(*) from digest_outbox where recipient = :email");
		Map<String, Long> rows = new LinkedHashMap<>();
		queries.forEach((table, sql) -> rows.put(table, this.jdbc.sql(sql)
			.param("id", member.id())
			.param("email", member.email())
			.query(Long.class)
			.single()));
		// the row a member signs in with; with the address gone it is no longer theirs
		rows.put("users (named)", this.jdbc.sql("select count(*) from users where username = :username")
			.param("username", member.username())
			.query(Long.class)
			.single());
		return rows;
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

}
