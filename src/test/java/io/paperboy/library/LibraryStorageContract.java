package io.paperboy.library;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.PaperNotFoundException;
import io.paperboy.community.Comments;
import io.paperboy.community.Votes;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.MutableClock;
import io.paperboy.support.StorageTest;
import io.paperboy.support.TestMembers;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What members' libraries, signals and collections must do on every database Paperboy supports.
 * Each subclass runs the same tests on one database.
 */
@StorageTest
@ExtendWith(EmptyCatalog.class)
abstract class LibraryStorageContract {

	private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

	@Autowired
	Catalog catalog;

	@Autowired
	Accounts accounts;

	@Autowired
	Library library;

	@Autowired
	Signals signals;

	@Autowired
	Votes votes;

	@Autowired
	Comments comments;

	@Autowired
	LibraryProperties limits;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void threePapers() {
		this.clock.set(MutableClock.Configuration.START);
		this.catalog.savePaper(TestPapers.paper("2506.00001").withAuthors("Zoë Ångström").build(), JUNE_2);
		this.catalog.savePaper(TestPapers.paper("2506.00002").build(), JUNE_2);
		this.catalog.savePaper(TestPapers.paper("hep-th/9901001").build(), JUNE_2);
	}

	@Test
	void aSaveAskedForTwiceIsKeptOnceWithItsFirstTime() {
		Member member = TestMembers.create(this.accounts);

		assertThat(this.library.save(member.id(), "2506.00001", true)).isEqualTo(new SaveState("2506.00001", true));
		this.clock.advance(Duration.ofMinutes(1));
		this.library.save(member.id(), "2506.00001", true);

		assertThat(this.library.saved(member.id(), 0, 10))
			.containsExactly(new TimedPaper("2506.00001", MutableClock.Configuration.START));
		assertThat(this.library.save(member.id(), "2506.00001", false)).isEqualTo(new SaveState("2506.00001", false));
		assertThat(this.library.save(member.id(), "2506.00001", false).saved()).isFalse();
		assertThat(this.library.countSaved(member.id())).isZero();
	}

	@Test
	void theLibraryListsTheNewestSaveFirstAndPagesThroughIt() {
		Member member = TestMembers.create(this.accounts);
		this.library.save(member.id(), "2506.00002", true);
		this.clock.advance(Duration.ofMinutes(1));
		this.library.save(member.id(), "hep-th/9901001", true);
		this.clock.advance(Duration.ofMinutes(1));
		this.library.toggleSave(member.id(), "2506.00001");

		assertThat(this.library.saved(member.id(), 0, 2)).extracting(TimedPaper::paperId)
			.containsExactly("2506.00001", "hep-th/9901001");
		assertThat(this.library.saved(member.id(), 2, 2)).extracting(TimedPaper::paperId).containsExactly("2506.00002");
		assertThat(this.library.countSaved(member.id())).isEqualTo(3);
		assertThat(this.library.savedAmong(member.id(), List.of("2506.00001", "2506.00003"))).containsExactly("2506.00001");
	}

	@Test
	void oneMembersSavesAreNotAnothers() {
		Member first = TestMembers.create(this.accounts);
		Member second = TestMembers.create(this.accounts);
		this.library.save(first.id(), "2506.00001", true);

		assertThat(this.library.saved(second.id(), 0, 10)).isEmpty();
		assertThat(this.library.savedAmong(second.id(), List.of("2506.00001"))).isEmpty();
	}

	@Test
	void aPaperTheCatalogLacksCannotBeSavedOrMarked() {
		Member member = TestMembers.create(this.accounts);

		assertThatThrownBy(() -> this.library.save(member.id(), "2506.09999", true))
			.isInstanceOf(PaperNotFoundException.class);
		assertThatThrownBy(() -> this.library.notInterested(member.id(), "2506.09999", true))
			.isInstanceOf(PaperNotFoundException.class);
	}

	@Test
	void aPaperTheMemberIsNotInterestedInLeavesTheirLibraryUntilTheyTakeItBack() {
		Member member = TestMembers.create(this.accounts);
		this.library.save(member.id(), "2506.00001", true);
		this.library.save(member.id(), "2506.00002", true);

		this.library.notInterested(member.id(), "2506.00001", true);
		this.library.notInterested(member.id(), "2506.00001", true);

		assertThat(this.library.saved(member.id(), 0, 10)).extracting(TimedPaper::paperId).containsExactly("2506.00002");
		assertThat(this.library.countSaved(member.id())).isEqualTo(1);
		assertThat(this.library.notInterestedIds(member.id())).containsExactly("2506.00001");

		this.library.notInterested(member.id(), "2506.00001", false);
		assertThat(this.library.countSaved(member.id())).isEqualTo(2);
	}

	@Test
	void anAuthorIsFollowedByTheKeyOfTheirName() {
		Member member = TestMembers.create(this.accounts);

		FollowState state = this.library.follow(member.id(), " Zoë  Ångström ", true);
		this.library.follow(member.id(), "zoe angstrom", true);

		assertThat(state).isEqualTo(new FollowState("Zoë  Ångström", "zoe angstrom", true));
		assertThat(this.library.followed(member.id())).extracting(FollowedAuthor::name).containsExactly("Zoë  Ångström");
		assertThat(this.library.follows(member.id(), "ZOE ANGSTROM")).isTrue();
		this.library.follow(member.id(), "Zoe Angstrom", false);
		assertThat(this.library.followed(member.id())).isEmpty();
		assertThatThrownBy(() -> this.library.follow(member.id(), "   ", true)).isInstanceOf(LibraryRefusedException.class);
	}

	@Test
	void pickedCategoriesReplaceTheOnesBeforeAndAreRemovedOneByOne() {
		Member member = TestMembers.create(this.accounts);
		Member other = TestMembers.create(this.accounts);
		this.library.pickCategories(other.id(), List.of("math.AP"));

		this.library.pickCategories(member.id(), List.of("cs.LG", "stat.ML"));
		assertThat(this.library.pickCategories(member.id(), List.of(" cs.CL ", "hep-th", "cs.CL", "", "astro-ph.CO")))
			.containsExactly("cs.CL", "hep-th", "astro-ph.CO");

		assertThat(this.signals.categories(member.id())).containsExactly("astro-ph.CO", "cs.CL", "hep-th");
		assertThat(this.library.pickedCategories(member.id())).extracting(PickedCategory::pickedAt)
			.containsOnly(MutableClock.Configuration.START);
		assertThat(this.library.unpickCategory(member.id(), "hep-th")).isTrue();
		assertThat(this.library.unpickCategory(member.id(), "hep-th")).isFalse();
		assertThat(this.signals.categories(member.id())).containsExactly("astro-ph.CO", "cs.CL");
		assertThat(this.signals.categories(other.id())).containsExactly("math.AP");
		this.library.pickCategories(member.id(), List.of());
		assertThat(this.signals.categories(member.id())).isEmpty();
	}

	@Test
	void aCategoryNotShapedLikeArxivsOrOneTooManyIsRefusedAndTheChoiceKept() {
		Member member = TestMembers.create(this.accounts);
		this.library.pickCategories(member.id(), List.of("cs.CL"));

		assertThatThrownBy(() -> this.library.pickCategories(member.id(), List.of("cs.LG", "<b>", "cs CL")))
			.isInstanceOf(LibraryRefusedException.class)
			.hasMessage("Not arXiv categories: <b>, cs CL. A category looks like cs.CL or hep-th.");
		List<String> eleven = java.util.stream.IntStream.rangeClosed(1, 11).mapToObj((i) -> "cs.X" + (char) ('A' + i)).toList();
		assertThatThrownBy(() -> this.library.pickCategories(member.id(), eleven))
			.isInstanceOf(LibraryRefusedException.class)
			.hasMessage("Pick at most 10 categories, not 11.");
		assertThat(this.signals.categories(member.id())).containsExactly("cs.CL");
	}

	@Test
	void aCollectionGetsASlugFromItsNameAndIsPrivateByDefault() {
		Member member = TestMembers.create(this.accounts);

		PaperCollection collection = this.library.createCollection(member.id(), "  Reading group — Ängström 2025! ", null,
				"<b>weekly</b>", false);

		assertThat(collection.slug()).isEqualTo("reading-group-angstrom-2025");
		assertThat(collection.name()).isEqualTo("Reading group — Ängström 2025!");
		assertThat(collection.description()).isEqualTo("<b>weekly</b>");
		assertThat(collection.isPublic()).isFalse();
		assertThat(this.library.collections(member.id())).containsExactly(collection);
	}

	@Test
	void aCollectionNeedsANameAndAGoodSlugNotTakenByTheMemberAlready() {
		Member member = TestMembers.create(this.accounts);
		Member other = TestMembers.create(this.accounts);
		this.library.createCollection(member.id(), "Reading", "reading", "", false);

		assertThatThrownBy(() -> this.library.createCollection(member.id(), " ", null, "", false))
			.isInstanceOf(LibraryRefusedException.class)
			.hasMessage("A collection needs a name.");
		assertThatThrownBy(() -> this.library.createCollection(member.id(), "Other", "Bad Slug", "", false))
			.isInstanceOf(LibraryRefusedException.class)
			.hasMessageContaining("lower-case letters");
		assertThatThrownBy(() -> this.library.createCollection(member.id(), "Reading again", "reading", "", false))
			.isInstanceOf(LibraryRefusedException.class)
			.hasMessageContaining("already have a collection at \"reading\"");
		assertThat(this.library.createCollection(other.id(), "Reading", "reading", "", true).slug()).isEqualTo("reading");
	}

	@Test
	void aMemberMayHaveAsManyCollectionsAsTheLimitAndNoMore() {
		Member member = TestMembers.create(this.accounts);
		for (int i = 0; i < this.limits.maxCollections(); i++) {
			this.library.createCollection(member.id(), "List " + i, null, "", false);
		}

		assertThatThrownBy(() -> this.library.createCollection(member.id(), "One more", null, "", false))
			.isInstanceOf(LibraryRefusedException.class)
			.hasMessageContaining("as many as a member may have");
	}

	@Test
	void papersOfACollectionKeepTheOrderTheyWereAddedInWithTheirNotes() {
		Member member = TestMembers.create(this.accounts);
		PaperCollection collection = this.library.createCollection(member.id(), "Reading", null, "", false);

		this.library.addToCollection(member.id(), collection.id(), "2506.00002", "first");
		this.clock.advance(Duration.ofMinutes(1));
		this.library.addToCollection(member.id(), collection.id(), "2506.00001", null);
		this.library.addToCollection(member.id(), collection.id(), "2506.00002", null);
		this.library.setNote(member.id(), collection.id(), "2506.00001", "<script>alert(1)</script>");

		assertThat(this.library.items(collection.id())).extracting(CollectionItem::paperId, CollectionItem::note)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("2506.00002", "first"),
					org.assertj.core.groups.Tuple.tuple("2506.00001", "<script>alert(1)</script>"));
		assertThat(this.library.collection(member.id(), collection.id()).papers()).isEqualTo(2);
		assertThat(this.library.savedAmong(member.id(), List.of("2506.00001", "2506.00002"))).hasSize(2);

		assertThat(this.library.removeFromCollection(member.id(), collection.id(), "2506.00002")).isTrue();
		assertThat(this.library.items(collection.id())).extracting(CollectionItem::paperId).containsExactly("2506.00001");
		assertThat(this.library.countSaved(member.id())).as("removed from the collection, kept in the library").isEqualTo(2);
	}

	@Test
	void aNoteLongerThanTheLimitIsRefusedAndTheOldOneKept() {
		Member member = TestMembers.create(this.accounts);
		PaperCollection collection = this.library.createCollection(member.id(), "Reading", null, "", false);
		this.library.addToCollection(member.id(), collection.id(), "2506.00001", "kept");

		assertThatThrownBy(() -> this.library.setNote(member.id(), collection.id(), "2506.00001",
				"x".repeat(this.limits.maxNoteLength() + 1)))
			.isInstanceOf(LibraryRefusedException.class)
			.hasMessage("A note is at most " + this.limits.maxNoteLength() + " characters.");
		assertThat(this.library.items(collection.id())).extracting(CollectionItem::note).containsExactly("kept");
	}

	@Test
	void anotherMembersCollectionIsNotFoundForChangesAndAPrivateOneNotFoundForReading() {
		Member owner = TestMembers.create(this.accounts);
		Member other = TestMembers.create(this.accounts);
		PaperCollection collection = this.library.createCollection(owner.id(), "Secret", "secret", "", false);

		assertThatThrownBy(() -> this.library.addToCollection(other.id(), collection.id(), "2506.00001", null))
			.isInstanceOf(CollectionNotFoundException.class);
		assertThatThrownBy(() -> this.library.deleteCollection(other.id(), collection.id()))
			.isInstanceOf(CollectionNotFoundException.class);
		assertThatThrownBy(() -> this.library.updateCollection(other.id(), collection.id(), "Mine", null, null, true))
			.isInstanceOf(CollectionNotFoundException.class);
		assertThatThrownBy(() -> this.library.visibleCollection(owner.id(), "secret", other.id()))
			.isInstanceOf(CollectionNotFoundException.class);
		assertThatThrownBy(() -> this.library.visibleCollection(owner.id(), "secret", null))
			.isInstanceOf(CollectionNotFoundException.class);
		assertThat(this.library.visibleCollection(owner.id(), "secret", owner.id())).isEqualTo(collection);

		this.library.updateCollection(owner.id(), collection.id(), null, null, null, true);
		assertThat(this.library.visibleCollection(owner.id(), "secret", null).isPublic()).isTrue();
	}

	@Test
	void aCollectionIsRenamedAndMovedAndDeletedWithoutTouchingTheLibrary() {
		Member member = TestMembers.create(this.accounts);
		PaperCollection collection = this.library.createCollection(member.id(), "Reading", null, "", false);
		this.library.addToCollection(member.id(), collection.id(), "2506.00001", null);
		this.clock.advance(Duration.ofHours(1));

		PaperCollection renamed = this.library.updateCollection(member.id(), collection.id(), "Group", "group", "Tuesdays",
				null);

		assertThat(renamed.name()).isEqualTo("Group");
		assertThat(renamed.slug()).isEqualTo("group");
		assertThat(renamed.description()).isEqualTo("Tuesdays");
		assertThat(renamed.updatedAt()).isEqualTo(MutableClock.Configuration.START.plus(Duration.ofHours(1)));
		this.library.deleteCollection(member.id(), collection.id());
		assertThat(this.library.collections(member.id())).isEmpty();
		assertThat(this.library.countSaved(member.id())).isEqualTo(1);
	}

	@Test
	void signalsGatherWhatTheMemberGaveHereAndToTheCommunity() {
		Member member = TestMembers.create(this.accounts);
		this.library.save(member.id(), "2506.00001", true);
		this.library.notInterested(member.id(), "2506.00002", true);
		this.library.follow(member.id(), "Zoë Ångström", true);
		this.votes.upvote("hep-th/9901001", member.id());
		this.comments.post("2506.00002", null, member, "Interesting.");

		MemberSignals signals = this.signals.of(member.id());

		assertThat(signals.saved()).containsExactly(new TimedPaper("2506.00001", MutableClock.Configuration.START));
		assertThat(signals.notInterested()).extracting(TimedPaper::paperId).containsExactly("2506.00002");
		assertThat(signals.followedAuthors()).containsExactly("zoe angstrom");
		assertThat(signals.upvoted()).containsExactly("hep-th/9901001");
		assertThat(signals.commented()).containsExactly("2506.00002");
		assertThat(signals.submitted()).isEmpty();
	}

	@Test
	void forgettingAMemberDeletesEveryRowTheyGaveAndNoOneElses() {
		Member member = TestMembers.create(this.accounts);
		Member other = TestMembers.create(this.accounts);
		for (Member each : List.of(member, other)) {
			this.library.save(each.id(), "2506.00001", true);
			this.library.notInterested(each.id(), "2506.00002", true);
			this.library.follow(each.id(), "Ada Lovelace", true);
			this.library.pickCategories(each.id(), List.of("cs.CL"));
			PaperCollection collection = this.library.createCollection(each.id(), "Reading", null, "", true);
			this.library.addToCollection(each.id(), collection.id(), "2506.00001", "note");
		}

		this.library.forget(member.id());

		assertThat(rowsOf(member.id())).isZero();
		assertThat(rowsOf(other.id())).isEqualTo(6);
	}

	@Test
	void deletingAnAccountDeletesItsLibraryWithIt() {
		Member member = TestMembers.create(this.accounts);
		this.library.save(member.id(), "2506.00001", true);
		this.library.notInterested(member.id(), "2506.00002", true);
		this.library.follow(member.id(), "Ada Lovelace", true);
		this.library.pickCategories(member.id(), List.of("cs.CL"));
		PaperCollection collection = this.library.createCollection(member.id(), "Reading", null, "", true);
		this.library.addToCollection(member.id(), collection.id(), "2506.00001", "note");

		this.jdbc.sql("delete from users where id = :id").param("id", member.id()).update();

		assertThat(rowsOf(member.id())).isZero();
		assertThat(this.jdbc.sql("select count(*) from library_collection_items").query(Long.class).single()).isZero();
	}

	@Test
	void aPaperLeavingTheCatalogLeavesEveryListItWasOn() {
		Member member = TestMembers.create(this.accounts);
		this.library.save(member.id(), "2506.00001", true);
		PaperCollection collection = this.library.createCollection(member.id(), "Reading", null, "", false);
		this.library.addToCollection(member.id(), collection.id(), "2506.00001", null);

		this.jdbc.sql("delete from papers where id = '2506.00001'").update();

		assertThat(this.library.saved(member.id(), 0, 10)).isEmpty();
		assertThat(this.library.items(collection.id())).isEmpty();
	}

	private long rowsOf(long memberId) {
		long rows = 0;
		for (String table : List.of("library_saves", "library_not_interested", "library_follows", "library_collections",
				"library_categories")) {
			rows += this.jdbc.sql("select count(*) from " + table + " where user_id = :id").param("id", memberId).query(Long.class).single();
		}
		rows += this.jdbc.sql("""
				select count(*) from library_collection_items i join library_collections c on c.id = i.collection_id
				where c.user_id = :id""").param("id", memberId).query(Long.class).single();
		return rows;
	}

}
