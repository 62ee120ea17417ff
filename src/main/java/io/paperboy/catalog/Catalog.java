package io.paperboy.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.paperboy.account.User;
import io.paperboy.account.UserDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog of papers and daily lists: the one place that reads and writes them. Every write
 * publishes a {@link CatalogChangedEvent} so that derived views (page caches, trending scores, the
 * search index) refresh after the transaction commits.
 */
@Service
public class Catalog {

	private final PaperRepository papers;

	private final DailyListRepository dailyLists;

	private final UserDirectory users;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Catalog(PaperRepository papers, DailyListRepository dailyLists, UserDirectory users,
			ApplicationEventPublisher events, Clock clock) {
		this.papers = papers;
		this.dailyLists = dailyLists;
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Paper> findPaper(String id) {
		return this.papers.find(id).map(PaperRepository.StoredPaper::paper);
	}

	/** Papers by id, in the order given; ids not in the catalog are left out. */
	@Transactional(readOnly = true)
	public Map<String, Paper> findPapers(Collection<String> ids) {
		return this.papers.findAll(ids);
	}

	/** A paper with its daily entry and submitter. */
	@Transactional(readOnly = true)
	public Optional<PaperListing> findListing(String id) {
		return findPaper(id).map((paper) -> {
			DailyEntry entry = this.dailyLists.find(id).orElse(null);
			User submitter = (entry != null && entry.submitterId() != null)
					? this.users.findAll(List.of(entry.submitterId())).get(entry.submitterId()) : null;
			return new PaperListing(paper, entry, submitter);
		});
	}

	/** The papers of these daily entries, with their submitters, in the order of the entries. */
	@Transactional(readOnly = true)
	public List<PaperListing> listings(List<DailyEntry> entries) {
		Map<String, Paper> found = this.papers.findAll(entries.stream().map(DailyEntry::paperId).toList());
		Map<Long, User> submitters = this.users
			.findAll(entries.stream().map(DailyEntry::submitterId).filter(Objects::nonNull).distinct().toList());
		return entries.stream()
			.filter((entry) -> found.containsKey(entry.paperId()))
			.map((entry) -> new PaperListing(found.get(entry.paperId()), entry,
					(entry.submitterId() != null) ? submitters.get(entry.submitterId()) : null))
			.toList();
	}

	/**
	 * Papers with their daily entries and submitters, in the order of the ids given; ids not in the
	 * catalog are left out. A few queries whatever the number of ids.
	 */
	@Transactional(readOnly = true)
	public List<PaperListing> listingsOf(List<String> paperIds) {
		Map<String, Paper> found = this.papers.findAll(paperIds);
		Map<String, DailyEntry> entries = this.dailyLists.findAll(found.keySet());
		Map<Long, User> submitters = this.users.findAll(entries.values()
			.stream()
			.map(DailyEntry::submitterId)
			.filter(Objects::nonNull)
			.distinct()
			.toList());
		return found.values().stream().map((paper) -> {
			DailyEntry entry = entries.get(paper.id());
			User submitter = (entry != null && entry.submitterId() != null) ? submitters.get(entry.submitterId()) : null;
			return new PaperListing(paper, entry, submitter);
		}).toList();
	}

	/**
	 * The papers most recently published on arXiv, newest first, with their daily entries where
	 * they have one.
	 * @param primaryCategory only papers whose primary category this is; null for all
	 */
	@Transactional(readOnly = true)
	public List<PaperListing> newestOnArxiv(String primaryCategory, int offset, int limit) {
		return listingsOf(this.papers.newestIds(primaryCategory, offset, limit));
	}

	/** How many papers {@link #newestOnArxiv} pages through. */
	@Transactional(readOnly = true)
	public long countPublished(String primaryCategory) {
		return this.papers.countPublished(primaryCategory);
	}

	/** The primary categories with the most papers, most first. */
	@Transactional(readOnly = true)
	public List<String> busiestPrimaryCategories(int limit) {
		return this.papers.busiestPrimaryCategories(limit);
	}

	/**
	 * The author so named, whatever the case, accents and spaces of the name given, if a paper in
	 * the catalog names them.
	 */
	@Transactional(readOnly = true)
	public Optional<AuthorSummary> findAuthor(String name) {
		String key = Author.nameKey(name);
		return key.isEmpty() ? Optional.empty() : this.papers.authorSummary(key);
	}

	/**
	 * The papers of the author so named (as {@link #findAuthor} finds them), most recently published
	 * first, with their daily entries where they have one.
	 */
	@Transactional(readOnly = true)
	public List<PaperListing> papersBy(String name, int offset, int limit) {
		String key = Author.nameKey(name);
		return key.isEmpty() ? List.of() : listingsOf(this.papers.idsByAuthor(key, offset, limit));
	}

	@Transactional(readOnly = true)
	public long countPapers() {
		return this.papers.count();
	}

	/**
	 * The papers published, or placed on a daily list, at or after {@code since}, in id order: the
	 * ones a refresh looks up again for new versions.
	 */
	@Transactional(readOnly = true)
	public List<String> recentPaperIds(Instant since) {
		return this.papers.recentIds(since);
	}

	/**
	 * The papers listed on a daily list of a day from {@code first} to {@code last}, or published on
	 * arXiv on one of those days (UTC), at most {@code limit}, the most recent first (a curator's hidden
	 * entries left out).
	 */
	@Transactional(readOnly = true)
	public List<String> paperIdsInWindow(LocalDate first, LocalDate last, int limit) {
		if (limit <= 0 || last.isBefore(first)) {
			return List.of();
		}
		return this.papers.idsInWindow(first, last, first.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
				last.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), limit);
	}

	/**
	 * Of these papers, the ones written by an author with one of these {@link Author#nameKey keys}, each
	 * with the name of its first such author.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> papersByAuthorKeys(Collection<String> paperIds, Collection<String> nameKeys) {
		return this.papers.authorsAmong(paperIds, nameKeys);
	}

	/**
	 * Of these papers, the ones in one of these arXiv categories (primary or not), the most upvoted
	 * first (imported and members' upvotes), then in the order given; each with the first such
	 * category the paper names.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> papersInCategories(List<String> paperIds, Collection<String> categories) {
		Map<String, Integer> order = new java.util.HashMap<>();
		for (int i = 0; i < paperIds.size(); i++) {
			order.putIfAbsent(paperIds.get(i), i);
		}
		Map<String, String> found = new LinkedHashMap<>();
		this.papers.categoriesAmong(order.keySet(), categories)
			.stream()
			.sorted(java.util.Comparator.comparingInt(PaperRepository.CategoryMatch::upvotes)
				.reversed()
				.thenComparing((match) -> order.get(match.paperId())))
			.forEach((match) -> found.put(match.paperId(), match.category()));
		return found;
	}

	/**
	 * Papers on the daily lists that have no arXiv category yet (Hugging Face's lists carry none),
	 * the most recently listed first: the ones the refresh looks up on arXiv so that categories
	 * (the stats page's, the category pages', digests' topics) cover them.
	 * @param limit the most ids returned
	 */
	@Transactional(readOnly = true)
	public List<String> listedPaperIdsWithoutCategories(int limit) {
		return (limit > 0) ? this.papers.listedIdsWithoutCategories(limit) : List.of();
	}

	/**
	 * Saves a paper as seen in a snapshot taken on {@code snapshotDay}. A snapshot older than the one
	 * that last wrote the paper changes nothing, so importing old and new snapshots in any order, or
	 * twice, ends in the same state.
	 */
	@Transactional
	public SaveOutcome savePaper(Paper paper, LocalDate snapshotDay) {
		return savePapers(List.of(paper), snapshotDay).get(paper.id());
	}

	/**
	 * Saves papers as seen in one snapshot, reading what is stored in a few queries rather than a
	 * few per paper (it matters when the database is across a socket).
	 * @param papers papers with distinct ids
	 * @return the outcome for each paper id, in the order given
	 */
	@Transactional
	public Map<String, SaveOutcome> savePapers(List<Paper> papers, LocalDate snapshotDay) {
		Map<String, PaperRepository.StoredPaper> stored = this.papers
			.findStored(papers.stream().map(Paper::id).toList());
		Map<String, SaveOutcome> outcomes = new LinkedHashMap<>();
		for (Paper paper : papers) {
			outcomes.put(paper.id(), save(paper, stored.get(paper.id()), snapshotDay));
		}
		return outcomes;
	}

	private SaveOutcome save(Paper offered, PaperRepository.StoredPaper stored, LocalDate snapshotDay) {
		if (stored == null) {
			this.papers.insert(offered, snapshotDay, this.clock.instant());
			changed(offered.id());
			return SaveOutcome.CREATED;
		}
		Paper paper = stored.describedByArxiv() ? offered.keepingBibliographyOf(stored.paper())
				: offered.keepingArxivMetadataOf(stored.paper());
		LocalDate storedDay = stored.snapshotDay();
		boolean older = storedDay != null && snapshotDay != null && snapshotDay.isBefore(storedDay);
		if (older || stored.paper().equals(paper)) {
			return SaveOutcome.UNCHANGED;
		}
		this.papers.update(paper, snapshotDay, this.clock.instant());
		changed(paper.id());
		return SaveOutcome.UPDATED;
	}

	/**
	 * Saves what an arXiv source says about papers. arXiv owns the bibliographic fields: a record
	 * replaces them unless it describes an older version than the one stored (the version history
	 * still gains what it lists). What the daily lists and members added (counts, code, AI summary,
	 * daily entries, votes) is kept. See docs/ingestion.md for which source wins for which field.
	 * @param records records of distinct papers
	 * @return the outcome for each paper id, in the order given
	 */
	@Transactional
	public Map<String, SaveOutcome> saveArxivRecords(List<ArxivRecord> records) {
		List<String> ids = records.stream().map(ArxivRecord::id).toList();
		Map<String, PaperRepository.StoredPaper> stored = this.papers.findStored(ids);
		Map<String, List<PaperVersion>> versions = this.papers.versionsOf(stored.keySet());
		Instant now = this.clock.instant();
		// decide every record first, then write in a few batched statements rather than a few per paper
		ArxivWrites writes = new ArxivWrites();
		Map<String, SaveOutcome> outcomes = new LinkedHashMap<>();
		for (ArxivRecord record : records) {
			outcomes.put(record.id(),
					decide(record, stored.get(record.id()), versions.getOrDefault(record.id(), List.of()), writes));
		}
		this.papers.insertFromArxiv(writes.inserts, writes.versionsOfInserts, now);
		this.papers.updateFromArxiv(writes.updates, now);
		this.papers.insertVersions(writes.versions);
		writes.changed.forEach(this::changed);
		return outcomes;
	}

	private SaveOutcome decide(ArxivRecord record, PaperRepository.StoredPaper stored, List<PaperVersion> known,
			ArxivWrites writes) {
		List<PaperVersion> newVersions = newVersions(record, known);
		if (stored == null) {
			writes.inserts.add(new PaperRepository.ArxivWrite(Paper.of(record), record.license(), null));
			writes.versionsOfInserts.put(record.id(), newVersions);
			writes.changed.add(record.id());
			return SaveOutcome.CREATED;
		}
		if (!newVersions.isEmpty()) {
			writes.versions.put(record.id(), newVersions);
		}
		Integer storedVersion = stored.paper().version();
		boolean older = stored.describedByArxiv() && storedVersion != null && record.version() < storedVersion;
		Paper paper = stored.paper().describedBy(record);
		boolean same = stored.describedByArxiv() && paper.equals(stored.paper())
				&& Objects.equals(record.license(), stored.license());
		if (older || same) {
			return newVersions.isEmpty() ? SaveOutcome.UNCHANGED : SaveOutcome.UPDATED;
		}
		writes.updates.add(new PaperRepository.ArxivWrite(paper, record.license(), stored.snapshotDay()));
		writes.changed.add(record.id());
		return SaveOutcome.UPDATED;
	}

	/** What saving a list of arXiv records writes, gathered so that it is written in batches. */
	private static final class ArxivWrites {

		private final List<PaperRepository.ArxivWrite> inserts = new ArrayList<>();

		private final List<PaperRepository.ArxivWrite> updates = new ArrayList<>();

		/** New versions of papers already stored. */
		private final Map<String, List<PaperVersion>> versions = new LinkedHashMap<>();

		/** The versions of the papers inserted, written with them. */
		private final Map<String, List<PaperVersion>> versionsOfInserts = new LinkedHashMap<>();

		private final List<String> changed = new ArrayList<>();

	}

	private static List<PaperVersion> newVersions(ArxivRecord record, List<PaperVersion> known) {
		Set<Integer> numbers = known.stream().map(PaperVersion::number).collect(Collectors.toSet());
		List<PaperVersion> versions = new ArrayList<>(record.versions());
		if (versions.stream().noneMatch((version) -> version.number() == record.version())) {
			versions.add(new PaperVersion(record.version(), record.updatedAt(), null));
		}
		return versions.stream().filter((version) -> !numbers.contains(version.number())).toList();
	}

	/** The versions of a paper arXiv has told us about, oldest first. */
	@Transactional(readOnly = true)
	public List<PaperVersion> versionsOf(String paperId) {
		return this.papers.versionsOf(List.of(paperId)).getOrDefault(paperId, List.of());
	}

	/**
	 * Puts a paper on a daily list. A paper is on at most one list: when it is offered for two days,
	 * the earlier day keeps it, whichever order the offers come in.
	 */
	@Transactional
	public SaveOutcome placeOnDailyList(DailyEntry entry) {
		return placeOnDailyLists(List.of(entry)).get(entry.paperId());
	}

	/**
	 * Puts papers on daily lists, as {@link #placeOnDailyList(DailyEntry)} does for one.
	 * @param entries entries of distinct papers
	 * @return the outcome for each paper id, in the order given
	 */
	@Transactional
	public Map<String, SaveOutcome> placeOnDailyLists(List<DailyEntry> entries) {
		Map<String, DailyEntry> stored = this.dailyLists.findAll(entries.stream().map(DailyEntry::paperId).toList());
		Map<String, SaveOutcome> outcomes = new LinkedHashMap<>();
		for (DailyEntry entry : entries) {
			outcomes.put(entry.paperId(), place(entry, stored.get(entry.paperId())));
		}
		return outcomes;
	}

	private SaveOutcome place(DailyEntry entry, DailyEntry stored) {
		if (stored == null) {
			this.dailyLists.insert(entry, this.clock.instant());
			changed(entry.paperId());
			return SaveOutcome.CREATED;
		}
		// curators' marks are not the source's to change: an entry that differs only by them is unchanged
		if (entry.day().isAfter(stored.day()) || stored.equals(entry.withMarksOf(stored))) {
			return SaveOutcome.UNCHANGED;
		}
		this.dailyLists.update(entry);
		changed(entry.paperId());
		return SaveOutcome.UPDATED;
	}

	@Transactional(readOnly = true)
	public Optional<DailyEntry> dailyEntryOf(String paperId) {
		return this.dailyLists.find(paperId);
	}

	/** The entries of the days from {@code first} to {@code last} inclusive, most recent first. */
	@Transactional(readOnly = true)
	public List<DailyEntry> dailyEntries(LocalDate first, LocalDate last) {
		return this.dailyLists.between(first, last);
	}

	@Transactional(readOnly = true)
	public List<DailyEntry> dailyEntriesSubmittedBy(long userId) {
		return this.dailyLists.bySubmitter(userId);
	}

	/**
	 * The ids of the papers on a day's list, the hidden ones too (as curators see the day), most
	 * recently listed first.
	 */
	@Transactional(readOnly = true)
	public List<String> paperIdsListedOn(LocalDate day) {
		return this.dailyLists.paperIdsOn(day);
	}

	/**
	 * Marks the paper as featured on its day by a curator, or removes the mark when
	 * {@code curatorId} and {@code at} are null.
	 * @return whether the paper is on a daily list (nothing changes when it is not)
	 */
	@Transactional
	public boolean markFeatured(String paperId, Long curatorId, Instant at) {
		return marked(paperId, this.dailyLists.markFeatured(paperId, curatorId, at));
	}

	/**
	 * Hides the paper from its day on a curator's word, or shows it again when {@code curatorId}
	 * and {@code at} are null.
	 * @return whether the paper is on a daily list (nothing changes when it is not)
	 */
	@Transactional
	public boolean markHidden(String paperId, Long curatorId, Instant at) {
		return marked(paperId, this.dailyLists.markHidden(paperId, curatorId, at));
	}

	private boolean marked(String paperId, boolean found) {
		if (found) {
			changed(paperId);
		}
		return found;
	}

	/** The most recent day that has papers, if any does. */
	@Transactional(readOnly = true)
	public Optional<LocalDate> latestDay() {
		return this.dailyLists.latestDay();
	}

	/** The earliest day that has papers, if any does. */
	@Transactional(readOnly = true)
	public Optional<LocalDate> firstDay() {
		return this.dailyLists.firstDay();
	}

	/** The closest earlier day that has papers. */
	@Transactional(readOnly = true)
	public Optional<LocalDate> dayBefore(LocalDate day) {
		return this.dailyLists.dayBefore(day);
	}

	/** The closest later day that has papers. */
	@Transactional(readOnly = true)
	public Optional<LocalDate> dayAfter(LocalDate day) {
		return this.dailyLists.dayAfter(day);
	}

	private void changed(String paperId) {
		this.events.publishEvent(new CatalogChangedEvent(paperId));
	}

}
