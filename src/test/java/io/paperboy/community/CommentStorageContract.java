package io.paperboy.community;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.account.Role;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.PaperNotFoundException;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.MutableClock;
import io.paperboy.support.StorageTest;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What comments' storage must do on every database Paperboy supports. Each subclass runs the same
 * tests on one database.
 */
@StorageTest
@ExtendWith(EmptyCatalog.class)
abstract class CommentStorageContract {

	private static final LocalDate MONDAY = LocalDate.of(2025, 6, 2);

	@Autowired
	Comments comments;

	@Autowired
	Catalog catalog;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	private Member ada;

	private Member alan;

	private Member curator;

	@BeforeEach
	void twoPapersThreeMembers() {
		this.clock.set(MutableClock.Configuration.START);
		this.catalog.savePaper(TestPapers.paper("2506.00001").withTitle("Attention\n  again").withComments(4).build(), MONDAY);
		this.catalog.savePaper(TestPapers.paper("2506.00002").withTitle("Another paper").build(), MONDAY);
		this.ada = member("ada");
		this.alan = member("alan");
		this.curator = this.accounts.chooseProfile(this.accounts.grant("grace@example.org", Role.CURATOR).id(), "grace",
				"Grace");
	}

	@Test
	void aCommentIsStoredAsWrittenWithItsAuthorAndTime() {
		String text = "Ünïcødé 🚀 and <b>tags</b>\n\n" + "x".repeat(9_000);

		Comment posted = this.comments.post("2506.00001", null, this.ada, text);

		Comment stored = this.comments.find(posted.id()).orElseThrow();
		assertThat(stored.markdown()).isEqualTo(text);
		assertThat(stored.author().username()).isEqualTo("ada");
		assertThat(stored.author().displayName()).isEqualTo("Name of ada");
		assertThat(stored.createdAt()).isEqualTo(MutableClock.Configuration.START);
		assertThat(stored.parentId()).isNull();
		assertThat(stored.editedAt()).isNull();
	}

	@Test
	void aReplyToAReplyJoinsTheThreadOfTheTopLevelComment() {
		Comment top = this.comments.post("2506.00001", null, this.ada, "Top");
		Comment reply = this.comments.post("2506.00001", top.id(), this.alan, "Reply");
		Comment replyToReply = this.comments.post("2506.00001", reply.id(), this.ada, "Reply to the reply");

		assertThat(reply.parentId()).isEqualTo(top.id());
		assertThat(replyToReply.parentId()).isEqualTo(top.id());
		assertThat(this.comments.visibleOn("2506.00001")).extracting(Comment::markdown)
			.containsExactly("Top", "Reply", "Reply to the reply");
	}

	@Test
	void aReplyToACommentOnAnotherPaperIsRefusedAndNothingIsStored() {
		Comment elsewhere = this.comments.post("2506.00002", null, this.ada, "Elsewhere");

		assertThatThrownBy(() -> this.comments.post("2506.00001", elsewhere.id(), this.alan, "Lost?"))
			.isInstanceOf(CommentNotFoundException.class);
		assertThat(this.comments.visibleOn("2506.00001")).isEmpty();
	}

	@Test
	void aCommentOnAPaperNotInTheCatalogIsRefused() {
		assertThatThrownBy(() -> this.comments.post("2506.09999", null, this.ada, "Hello"))
			.isInstanceOf(PaperNotFoundException.class);
		assertThatThrownBy(() -> this.comments.visibleOn("2506.09999")).isInstanceOf(PaperNotFoundException.class);
	}

	@Test
	void thePaperCountsItsImportedCommentsAndTheCommentsEveryoneCanSee() {
		Comment first = this.comments.post("2506.00001", null, this.ada, "One");
		Comment second = this.comments.post("2506.00001", first.id(), this.alan, "Two");
		this.comments.post("2506.00001", null, this.alan, "Three");
		assertThat(numComments("2506.00001")).isEqualTo(4 + 3);

		this.comments.hide(first.id(), this.curator);
		assertThat(numComments("2506.00001")).as("a hidden comment hides its thread").isEqualTo(4 + 1);

		this.comments.unhide(first.id(), this.curator);
		this.comments.delete(second.id(), this.alan);
		assertThat(numComments("2506.00001")).isEqualTo(4 + 2);
		assertThat(numComments("2506.00002")).isZero();
	}

	@Test
	void anImportOfThePaperKeepsTheMembersCommentCount() {
		this.comments.post("2506.00001", null, this.ada, "One");

		this.catalog.savePaper(TestPapers.paper("2506.00001").withTitle("Attention again").withComments(9).build(), MONDAY);

		assertThat(numComments("2506.00001")).isEqualTo(9 + 1);
	}

	@Test
	void aDeletedCommentForgetsItsTextAndIsLeftOutOfTheApiListWhileItsRepliesStay() {
		Comment top = this.comments.post("2506.00001", null, this.ada, "Regrettable");
		this.comments.post("2506.00001", top.id(), this.alan, "Still here");

		this.comments.delete(top.id(), this.ada);

		Comment deleted = this.comments.find(top.id()).orElseThrow();
		assertThat(deleted.isDeleted()).isTrue();
		assertThat(deleted.markdown()).isEmpty();
		assertThat(this.comments.visibleOn("2506.00001")).extracting(Comment::markdown).containsExactly("Still here");
		assertThat(this.comments.visibleOn("2506.00001")).extracting(Comment::parentId).containsExactly(top.id());
	}

	@Test
	void aCommentCanBeEditedWithinTheWindowOnly() {
		Comment comment = this.comments.post("2506.00001", null, this.ada, "Frist");
		this.clock.advance(Duration.ofMinutes(14));

		Comment edited = this.comments.edit(comment.id(), this.ada, "First");
		assertThat(edited.markdown()).isEqualTo("First");
		assertThat(edited.editedAt()).isEqualTo(this.clock.instant());

		this.clock.advance(Duration.ofMinutes(1));
		assertThatThrownBy(() -> this.comments.edit(comment.id(), this.ada, "First!"))
			.isInstanceOf(CommentRefusedException.class)
			.hasMessageContaining("15 minutes");
		assertThat(this.comments.find(comment.id()).orElseThrow().markdown()).isEqualTo("First");
	}

	@Test
	void onlyTheAuthorEditsOrDeletesAndOnlyCuratorsHide() {
		Comment comment = this.comments.post("2506.00001", null, this.ada, "Mine");

		assertThatThrownBy(() -> this.comments.edit(comment.id(), this.alan, "Yours now"))
			.isInstanceOf(CommentRefusedException.class);
		assertThatThrownBy(() -> this.comments.delete(comment.id(), this.alan))
			.isInstanceOf(CommentRefusedException.class);
		assertThatThrownBy(() -> this.comments.hide(comment.id(), this.alan))
			.isInstanceOf(CommentRefusedException.class);

		Comment stored = this.comments.find(comment.id()).orElseThrow();
		assertThat(stored.markdown()).isEqualTo("Mine");
		assertThat(stored.isDeleted()).isFalse();
		assertThat(stored.isHidden()).isFalse();
	}

	@Test
	void emptyAndOverlongCommentsAreRefused() {
		assertThatThrownBy(() -> this.comments.post("2506.00001", null, this.ada, " \n\t "))
			.isInstanceOf(InvalidCommentException.class)
			.hasMessageContaining("cannot be empty");
		assertThatThrownBy(() -> this.comments.post("2506.00001", null, this.ada, "é".repeat(10_001)))
			.isInstanceOf(InvalidCommentException.class)
			.hasMessageContaining("10,000");
		assertThat(this.comments.post("2506.00001", null, this.ada, "🚀".repeat(10_000)).markdown())
			.as("ten thousand characters, twenty thousand UTF-16 units")
			.hasSize(20_000);
	}

	@Test
	void aMembersCommentsAreListedNewestFirstWithTheirPapers() {
		Comment older = this.comments.post("2506.00001", null, this.ada, "Older");
		this.clock.advance(Duration.ofMinutes(5));
		Comment newer = this.comments.post("2506.00002", null, this.ada, "**Newer**");
		this.clock.advance(Duration.ofMinutes(5));
		Comment deleted = this.comments.post("2506.00002", null, this.ada, "Gone");
		this.comments.delete(deleted.id(), this.ada);
		this.comments.post("2506.00001", null, this.alan, "Not Ada's");

		List<UserComment> listed = this.comments.byAuthor(this.ada.id(), 10);

		assertThat(listed).extracting(UserComment::id).containsExactly(newer.id(), older.id());
		assertThat(listed.get(0).paperTitle()).isEqualTo("Another paper");
		assertThat(listed.get(0).html()).contains("<strong>Newer</strong>");
		assertThat(listed.get(1).paperTitle()).isEqualTo("Attention again");
		assertThat(listed.get(1).link()).isEqualTo("/papers/2506.00001#comment-" + older.id());
		assertThat(this.comments.byAuthor(this.ada.id(), 1)).hasSize(1);
	}

	@Test
	void aMemberReportsACommentOnceAndCuratorsSeeTheReports() {
		Comment comment = this.comments.post("2506.00001", null, this.ada, "Spam spam spam");

		assertThat(this.comments.report(comment.id(), this.alan, "  spam  ")).isTrue();
		assertThat(this.comments.report(comment.id(), this.alan, "again")).isFalse();
		assertThat(this.comments.report(comment.id(), this.curator, null)).isTrue();

		List<ReportedComment> reported = this.comments.reported(10);
		assertThat(reported).hasSize(1);
		assertThat(reported.get(0).comment().id()).isEqualTo(comment.id());
		assertThat(reported.get(0).reports()).isEqualTo(2);
		assertThat(reported.get(0).reasons()).containsExactly("spam");
		assertThat(reported.get(0).paperTitle()).isEqualTo("Attention again");
		assertThat(reported.get(0).lastReportedAt()).isEqualTo(this.clock.instant());
	}

	@Test
	void theMostRecentlyReportedCommentComesFirstAndDeletedOnesAreLeftOut() {
		Comment first = this.comments.post("2506.00001", null, this.ada, "First");
		Comment second = this.comments.post("2506.00002", null, this.ada, "Second");
		Comment deleted = this.comments.post("2506.00002", null, this.alan, "Deleted");
		this.comments.report(second.id(), this.alan, "older report");
		this.comments.report(deleted.id(), this.ada, null);
		this.clock.advance(Duration.ofMinutes(1));
		this.comments.report(first.id(), this.alan, null);
		this.clock.advance(Duration.ofMinutes(1));
		this.comments.report(second.id(), this.curator, "newer report");
		this.comments.delete(deleted.id(), this.alan);

		List<ReportedComment> reported = this.comments.reported(10);

		assertThat(reported).extracting((report) -> report.comment().id()).containsExactly(second.id(), first.id());
		assertThat(reported.get(0).reasons()).containsExactly("newer report", "older report");
		assertThat(reported.get(0).paperTitle()).isEqualTo("Another paper");
		assertThat(reported.get(1).reasons()).isEmpty();
		assertThat(this.comments.reported(1)).hasSize(1);
	}

	@Test
	void deletingAPaperDeletesItsComments() {
		Comment comment = this.comments.post("2506.00001", null, this.ada, "On a paper that goes");
		this.comments.report(comment.id(), this.alan, null);

		this.jdbc.sql("delete from papers where id = '2506.00001'").update();

		assertThat(this.comments.find(comment.id())).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from comment_reports").query(Long.class).single()).isZero();
	}

	private int numComments(String paperId) {
		return this.catalog.findPaper(paperId).orElseThrow().numComments();
	}

	private Member member(String username) {
		Member member = this.accounts.loadUserByUsername(username + "@example.org");
		return this.accounts.chooseProfile(member.id(), username, "Name of " + username);
	}

}
