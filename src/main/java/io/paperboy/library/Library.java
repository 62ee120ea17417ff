package io.paperboy.library;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.paperboy.catalog.Author;
import io.paperboy.catalog.PaperNotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's signals and library: what they saved, what they are not interested in, whom they
 * follow, and their collections. Every method acts for one member, named by id; a collection is
 * changed only by its owner (anyone else is told it does not exist).
 */
@Service
public class Library {

	/** A slug: lower-case letters, digits and single hyphens between them, 64 characters at most. */
	static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	static final int SLUG_LENGTH = 64;

	static final int NAME_LENGTH = 200;

	static final int DESCRIPTION_LENGTH = 2000;

	/** An arXiv category: an archive ({@code cs}, {@code hep-th}) and, mostly, a subject class ({@code .CL}). */
	static final Pattern CATEGORY = Pattern.compile("[a-z]+(?:-[a-z]+)*(?:\\.[A-Za-z]+(?:-[A-Za-z]+)*)?");

	static final int CATEGORY_LENGTH = 64;

	/** The most categories a member picks: a few, to start a feed, not a subscription to arXiv. */
	public static final int MAX_CATEGORIES = 10;

	private final LibraryRepository repository;

	private final LibraryProperties limits;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Library(LibraryRepository repository, LibraryProperties limits, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.limits = limits;
		this.events = events;
		this.clock = clock;
	}

	// saves

	/**
	 * Saves the paper to the member's library, or takes it out; asking twice changes nothing.
	 * @throws PaperNotFoundException when the paper is not in the catalog
	 */
	@Transactional
	public SaveState save(long memberId, String paperId, boolean saved) {
		requirePaper(paperId);
		if (saved) {
			this.repository.save(memberId, paperId, now());
		}
		else {
			this.repository.unsave(memberId, paperId);
		}
		this.events.publishEvent(new SignalsChangedEvent(memberId));
		return new SaveState(paperId, saved);
	}

	/** Saves the paper, or takes it out when it was saved. */
	@Transactional
	public SaveState toggleSave(long memberId, String paperId) {
		requirePaper(paperId);
		boolean saved = this.repository.savedAmong(memberId, List.of(paperId)).isEmpty();
		return save(memberId, paperId, saved);
	}

	/** The member's library, newest save first, without the papers they are not interested in. */
	@Transactional(readOnly = true)
	public List<TimedPaper> saved(long memberId, int offset, int limit) {
		return this.repository.saved(memberId, offset, limit);
	}

	@Transactional(readOnly = true)
	public long countSaved(long memberId) {
		return this.repository.countSaved(memberId);
	}

	/** Which of these papers the member saved. */
	@Transactional(readOnly = true)
	public Set<String> savedAmong(long memberId, Collection<String> paperIds) {
		return this.repository.savedAmong(memberId, paperIds);
	}

	/** Every paper the member saved: what the save buttons of a page show pressed. */
	@Transactional(readOnly = true)
	public Set<String> savedIds(long memberId) {
		return this.repository.savedIds(memberId);
	}

	// not interested

	/**
	 * Hides the paper from the member's personal views, or shows it again.
	 * @throws PaperNotFoundException when the paper is not in the catalog
	 */
	@Transactional
	public NotInterestedState notInterested(long memberId, String paperId, boolean notInterested) {
		requirePaper(paperId);
		if (notInterested) {
			this.repository.markNotInterested(memberId, paperId, now());
		}
		else {
			this.repository.unmarkNotInterested(memberId, paperId);
		}
		this.events.publishEvent(new SignalsChangedEvent(memberId));
		return new NotInterestedState(paperId, notInterested);
	}

	/** The papers the member said they are not interested in. */
	@Transactional(readOnly = true)
	public Set<String> notInterestedIds(long memberId) {
		return this.repository.notInterestedIds(memberId);
	}

	// follows

	/**
	 * Follows the author so named, or stops following them. The name is kept as given; the author
	 * is known by its key, so "Zoë Ångström" and "zoe angstrom" are one author.
	 * @throws LibraryRefusedException when the name is blank
	 */
	@Transactional
	public FollowState follow(long memberId, String name, boolean following) {
		String shown = (name != null) ? name.strip() : "";
		String key = Author.nameKey(shown);
		if (key.isEmpty()) {
			throw new LibraryRefusedException("An author's name is needed.");
		}
		if (shown.length() > 1000) {
			throw new LibraryRefusedException("An author's name is at most 1000 characters.");
		}
		if (following) {
			this.repository.follow(memberId, key, shown, now());
		}
		else {
			this.repository.unfollow(memberId, key);
		}
		return new FollowState(shown, key, following);
	}

	@Transactional(readOnly = true)
	public boolean follows(long memberId, String name) {
		return this.repository.follows(memberId, Author.nameKey(name));
	}

	@Transactional(readOnly = true)
	public List<FollowedAuthor> followed(long memberId) {
		return this.repository.followed(memberId);
	}

	/** The keys ({@code catalog.Author.nameKey}) of the authors the member follows. */
	@Transactional(readOnly = true)
	public Set<String> followedKeys(long memberId) {
		Set<String> keys = new java.util.HashSet<>();
		this.repository.followed(memberId).forEach((author) -> keys.add(author.nameKey()));
		return keys;
	}

	// picked categories

	/**
	 * Sets the arXiv categories the member picked for their "For you" feed, replacing those they had
	 * picked; none clears them. Each is kept once, as written.
	 * @throws LibraryRefusedException when one is not shaped like an arXiv category (such as
	 * {@code cs.CL} or {@code hep-th}), or there are more than {@value #MAX_CATEGORIES}; nothing is
	 * changed then
	 */
	@Transactional
	public List<String> pickCategories(long memberId, Collection<String> categories) {
		java.util.Set<String> picked = new java.util.LinkedHashSet<>();
		List<String> bad = new java.util.ArrayList<>();
		for (String category : categories) {
			String shown = (category != null) ? category.strip() : "";
			if (shown.isEmpty()) {
				continue;
			}
			if (shown.length() > CATEGORY_LENGTH || !CATEGORY.matcher(shown).matches()) {
				bad.add(shown);
			}
			else {
				picked.add(shown);
			}
		}
		if (!bad.isEmpty()) {
			throw new LibraryRefusedException("Not arXiv categories: " + String.join(", ", bad)
					+ ". A category looks like cs.CL or hep-th.");
		}
		if (picked.size() > MAX_CATEGORIES) {
			throw new LibraryRefusedException(
					"Pick at most " + MAX_CATEGORIES + " categories, not " + picked.size() + ".");
		}
		this.repository.pickCategories(memberId, picked, now());
		return List.copyOf(picked);
	}

	/** Takes a category out of the member's picked categories; one they had not picked changes nothing. */
	@Transactional
	public boolean unpickCategory(long memberId, String category) {
		return this.repository.unpickCategory(memberId, (category != null) ? category.strip() : "");
	}

	/** The categories the member picked, in alphabetical order. */
	@Transactional(readOnly = true)
	public List<PickedCategory> pickedCategories(long memberId) {
		return this.repository.pickedCategories(memberId);
	}

	// collections

	/**
	 * Creates a collection, private unless {@code isPublic}. Without a slug, one is made from the name.
	 * @throws LibraryRefusedException for a blank or too long name, a bad or taken slug, or one
	 * collection more than {@code paperboy.library.max-collections}
	 */
	@Transactional
	public PaperCollection createCollection(long memberId, String name, String slug, String description, boolean isPublic) {
		String checkedName = name(name);
		String checkedSlug = slug((slug == null || slug.isBlank()) ? slugOf(checkedName) : slug.strip());
		if (this.repository.countCollections(memberId) >= this.limits.maxCollections()) {
			throw new LibraryRefusedException("You have " + this.limits.maxCollections()
					+ " collections, as many as a member may have: delete one first.");
		}
		if (this.repository.slugTaken(memberId, checkedSlug, -1)) {
			throw new LibraryRefusedException("You already have a collection at \"" + checkedSlug + "\": choose another address.");
		}
		long id = this.repository.insertCollection(memberId, checkedSlug, checkedName, description(description), isPublic,
				now());
		return this.repository.findCollection(id).orElseThrow();
	}

	/**
	 * Changes what is given (a {@code null} leaves that part as it was).
	 * @throws CollectionNotFoundException when the member has no such collection
	 */
	@Transactional
	public PaperCollection updateCollection(long memberId, long collectionId, String name, String slug, String description,
			Boolean isPublic) {
		PaperCollection collection = own(memberId, collectionId);
		String newName = (name != null) ? name(name) : collection.name();
		String newSlug = (slug != null) ? slug(slug.strip()) : collection.slug();
		if (this.repository.slugTaken(memberId, newSlug, collectionId)) {
			throw new LibraryRefusedException("You already have a collection at \"" + newSlug + "\": choose another address.");
		}
		this.repository.updateCollection(collectionId, newSlug, newName,
				(description != null) ? description(description) : collection.description(),
				(isPublic != null) ? isPublic : collection.isPublic(), now());
		return this.repository.findCollection(collectionId).orElseThrow();
	}

	/** Deletes the member's collection (the papers stay in their library). */
	@Transactional
	public void deleteCollection(long memberId, long collectionId) {
		own(memberId, collectionId);
		this.repository.deleteCollection(collectionId);
	}

	/** The member's collections, by name. */
	@Transactional(readOnly = true)
	public List<PaperCollection> collections(long memberId) {
		return this.repository.collections(memberId);
	}

	/**
	 * The member's own collection.
	 * @throws CollectionNotFoundException when it is not theirs or does not exist
	 */
	@Transactional(readOnly = true)
	public PaperCollection collection(long memberId, long collectionId) {
		return own(memberId, collectionId);
	}

	/**
	 * A collection as {@code viewerId} may see it at its public address: a public one to anyone, a
	 * private one to its owner only.
	 * @param viewerId the one asking, or {@code null} for an anonymous visitor
	 * @throws CollectionNotFoundException for anyone else
	 */
	@Transactional(readOnly = true)
	public PaperCollection visibleCollection(long ownerId, String slug, Long viewerId) {
		PaperCollection collection = this.repository.findCollection(ownerId, slug).orElseThrow(CollectionNotFoundException::new);
		if (!collection.isPublic() && (viewerId == null || viewerId != ownerId)) {
			throw new CollectionNotFoundException();
		}
		return collection;
	}

	/** The papers on a collection, in the order they were added. */
	@Transactional(readOnly = true)
	public List<CollectionItem> items(long collectionId) {
		return this.repository.items(collectionId);
	}

	/**
	 * Adds the paper to the member's collection (and to their library), with a note; a paper
	 * already there keeps its place, and gets the note when one is given.
	 * @throws LibraryRefusedException when the note is too long or the collection is full
	 */
	@Transactional
	public CollectionItem addToCollection(long memberId, long collectionId, String paperId, String note) {
		own(memberId, collectionId);
		requirePaper(paperId);
		String checkedNote = note(note);
		this.repository.lockCollection(collectionId);
		Instant now = now();
		if (this.repository.hasItem(collectionId, paperId)) {
			if (note != null) {
				this.repository.setNote(collectionId, paperId, checkedNote);
			}
		}
		else {
			if (this.repository.items(collectionId).size() >= this.limits.maxCollectionPapers()) {
				throw new LibraryRefusedException("This collection holds " + this.limits.maxCollectionPapers()
						+ " papers, as many as a collection may: remove one first, or start another collection.");
			}
			this.repository.addItem(collectionId, paperId, checkedNote, now);
		}
		this.repository.save(memberId, paperId, now);
		this.repository.touchCollection(collectionId, now);
		return item(collectionId, paperId);
	}

	/**
	 * Changes the note on a paper of the member's collection.
	 * @throws PaperNotFoundException when the paper is not on it
	 */
	@Transactional
	public CollectionItem setNote(long memberId, long collectionId, String paperId, String note) {
		own(memberId, collectionId);
		if (!this.repository.setNote(collectionId, paperId, note(note))) {
			throw new PaperNotFoundException(paperId);
		}
		this.repository.touchCollection(collectionId, now());
		return item(collectionId, paperId);
	}

	/** Takes the paper off the member's collection (it stays in their library). */
	@Transactional
	public boolean removeFromCollection(long memberId, long collectionId, String paperId) {
		own(memberId, collectionId);
		boolean removed = this.repository.removeItem(collectionId, paperId);
		if (removed) {
			this.repository.touchCollection(collectionId, now());
		}
		return removed;
	}

	// privacy

	/** Every paper the member saved, hidden or not, newest first (see {@link Signals} for all signals). */
	@Transactional(readOnly = true)
	public List<TimedPaper> allSaved(long memberId) {
		return this.repository.allSaved(memberId);
	}

	/** Every paper the member said they are not interested in, newest first. */
	@Transactional(readOnly = true)
	public List<TimedPaper> allNotInterested(long memberId) {
		return this.repository.notInterested(memberId);
	}

	/** Deletes everything of the member's this module keeps, as deleting their account also does. */
	@Transactional
	public void forget(long memberId) {
		this.repository.forget(memberId);
	}

	// checks

	private PaperCollection own(long memberId, long collectionId) {
		return this.repository.findCollection(collectionId)
			.filter((collection) -> collection.memberId() == memberId)
			.orElseThrow(CollectionNotFoundException::new);
	}

	private CollectionItem item(long collectionId, String paperId) {
		return this.repository.items(collectionId)
			.stream()
			.filter((item) -> item.paperId().equals(paperId))
			.findFirst()
			.orElseThrow(() -> new PaperNotFoundException(paperId));
	}

	private void requirePaper(String paperId) {
		if (!this.repository.paperExists(paperId)) {
			throw new PaperNotFoundException(paperId);
		}
	}

	private static String name(String name) {
		String stripped = (name != null) ? name.strip() : "";
		if (stripped.isEmpty()) {
			throw new LibraryRefusedException("A collection needs a name.");
		}
		if (stripped.length() > NAME_LENGTH) {
			throw new LibraryRefusedException("A collection's name is at most " + NAME_LENGTH + " characters.");
		}
		return stripped;
	}

	private static String slug(String slug) {
		if (slug.length() > SLUG_LENGTH || !SLUG.matcher(slug).matches()) {
			throw new LibraryRefusedException("A collection's address is lower-case letters, digits and single hyphens "
					+ "between them, at most " + SLUG_LENGTH + " characters, such as \"reading-group\".");
		}
		return slug;
	}

	/** A slug made from a name: "Reading group — 2025!" gives "reading-group-2025". */
	static String slugOf(String name) {
		String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT);
		String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > SLUG_LENGTH) {
			slug = slug.substring(0, SLUG_LENGTH).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? "collection" : slug;
	}

	private static String description(String description) {
		String stripped = (description != null) ? description.strip() : "";
		if (stripped.length() > DESCRIPTION_LENGTH) {
			throw new LibraryRefusedException("A collection's description is at most " + DESCRIPTION_LENGTH + " characters.");
		}
		return stripped;
	}

	private String note(String note) {
		String stripped = (note != null) ? note.strip() : "";
		if (stripped.length() > this.limits.maxNoteLength()) {
			throw new LibraryRefusedException("A note is at most " + this.limits.maxNoteLength() + " characters.");
		}
		return stripped;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
