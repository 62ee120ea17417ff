package io.paperboy.library;

import java.net.URI;
import java.util.List;

import io.paperboy.account.Member;
import io.paperboy.catalog.ArxivId;
import io.paperboy.web.BadRequestException;
import io.paperboy.web.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's library, signals and collections for scripts and for the buttons' JavaScript: a
 * signed-in member's session, and the {@code X-CSRF-TOKEN} header on every change (rules of
 * {@code web.SecurityConfiguration}). Saving, marking and following are idempotent. Refusals (400),
 * unknown papers and collections (404; another member's collection is unknown too) are answered by
 * {@code web.ErrorHandling} as problem documents. Every change counts against the member's
 * {@code paperboy.library.changes-per-minute} ({@link LibraryLimit}): beyond it, 429.
 */
@RestController
@Tag(name = "Library", description = "A signed-in member's saved papers, papers they are not interested in, "
		+ "authors they follow, and collections. Only the member sees them (a collection they make public aside). "
		+ "Changes need the X-CSRF-TOKEN header; beyond paperboy.library.changes-per-minute (60) changes a minute, 429.")
@JsonBody(unreadable = "The body must be a JSON object such as {\"name\": \"Reading group\", \"isPublic\": false}.",
		unsupported = "Send the body as application/json, such as {\"name\": \"Reading group\"}.")
class LibraryApiController {

	private static final String PAPER_ID = "an arXiv id or address, such as 2401.00001";

	private static final String AUTHOR = "the author's name as a paper gives it, such as Ada Lovelace";

	private static final String COLLECTION_ID = "the collection's id, as GET /api/collections gives it";

	private static final String TOO_MANY = "More changes in the last minute than paperboy.library.changes-per-minute allows";

	/** The most papers one call of {@code GET /api/library} gives. */
	static final int PAGE = 100;

	private final Library library;

	private final LibraryLimit limit;

	LibraryApiController(Library library, LibraryLimit limit) {
		this.library = library;
		this.limit = limit;
	}

	@Operation(summary = "Save a paper to your library", description = "For a signed-in member; saving twice keeps one save.")
	@ApiResponse(responseCode = "200", description = "Saved or not, as it now is", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "No such paper in the catalog")
	@ApiResponse(responseCode = "429", description = TOO_MANY)
	@PostMapping("/api/papers/{id}/save")
	SaveState save(@Parameter(description = PAPER_ID) @PathVariable String id, Member member) {
		this.limit.take(member);
		return this.library.save(member.id(), ArxivId.parse(id).id(), true);
	}

	@Operation(summary = "Take a paper out of your library")
	@ApiResponse(responseCode = "200", description = "Saved or not, as it now is", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "No such paper in the catalog")
	@ApiResponse(responseCode = "429", description = TOO_MANY)
	@DeleteMapping("/api/papers/{id}/save")
	SaveState unsave(@Parameter(description = PAPER_ID) @PathVariable String id, Member member) {
		this.limit.take(member);
		return this.library.save(member.id(), ArxivId.parse(id).id(), false);
	}

	@Operation(summary = "Save a paper with an old-style id, such as hep-th/9901001")
	@ApiResponse(responseCode = "200", description = "Saved or not, as it now is", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "No such paper in the catalog")
	@ApiResponse(responseCode = "429", description = TOO_MANY)
	@PostMapping("/api/papers/{archive}/{number:\\d{7}(?:v\\d+)?}/save")
	SaveState saveOldStyle(@Parameter(description = "the archive, such as hep-th") @PathVariable String archive,
			@Parameter(description = "the number, such as 9901001") @PathVariable String number, Member member) {
		this.limit.take(member);
		return this.library.save(member.id(), ArxivId.parse(archive + "/" + number).id(), true);
	}

	@Operation(summary = "Take a paper with an old-style id out of your library")
	@ApiResponse(responseCode = "200", description = "Saved or not, as it now is", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "No such paper in the catalog")
	@ApiResponse(responseCode = "429", description = TOO_MANY)
	@DeleteMapping("/api/papers/{archive}/{number:\\d{7}(?:v\\d+)?}/save")
	SaveState unsaveOldStyle(@Parameter(description = "the archive, such as hep-th") @PathVariable String archive,
			@Parameter(description = "the number, such as 9901001") @PathVariable String number, Member member) {
		this.limit.take(member);
		return this.library.save(member.id(), ArxivId.parse(archive + "/" + number).id(), false);
	}

	@Operation(summary = "Hide a paper from your personal views",
			description = "The paper leaves your library page (and, later, your own recommendations); nobody else sees it.")
	@ApiResponse(responseCode = "200", description = "Marked or not, as it now is", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "No such paper in the catalog")
	@ApiResponse(responseCode = "429", description = TOO_MANY)
	@PostMapping("/api/papers/{id}/not-interested")
	NotInterestedState notInterested(@Parameter(description = PAPER_ID) @PathVariable String id, Member member) {
		this.limit.take(member);
		return this.library.notInterested(member.id(), ArxivId.parse(id).id(), true);
	}

	@Operation(summary = "Show a paper you hid again")
	@ApiResponse(responseCode = "200", description = "Marked or not, as it now is", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "No such paper in the catalog")
	@ApiResponse(responseCode = "429", description = TOO_MANY)
	@DeleteMapping("/api/papers/{id}/not-interested")
	NotInterestedState interestedAgain(@Parameter(description = PAPER_ID) @PathVariable String id, Member member) {
		this.limit.take(member);
		return this.library.notInterested(member.id(), ArxivId.parse(id).id(), false);
	}

	@Operation(summary = "Follow an author", description = "By name as the paper gives it; case, accents and spaces do not matter.")
	@ApiResponse(responseCode = "200", description = "Followed or not, as it now is", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "429", description = TOO_MANY)
	@PostMapping("/api/authors/{name}/follow")
	FollowState follow(@Parameter(description = AUTHOR) @PathVariable String name, Member member) {
		this.limit.take(member);
		return this.library.follow(member.id(), name, true);
	}

	@Operation(summary = "Stop following an author")
	@ApiResponse(responseCode = "200", description = "Followed or not, as it now is", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "429", description = TOO_MANY)
	@DeleteMapping("/api/authors/{name}/follow")
	FollowState unfollow(@Parameter(description = AUTHOR) @PathVariable String name, Member member) {
		this.limit.take(member);
		return this.library.follow(member.id(), name, false);
	}

	@Operation(summary = "Your library", description = "Saved papers, the most recently saved first, "
			+ PAGE + " at most per call (page from 1), without the papers you marked as not interesting.")
	@GetMapping("/api/library")
	LibraryPage libraryPage(@Parameter(description = "the page, from 1") @RequestParam(defaultValue = "1") int page,
			Member member) {
		if (page < 1) {
			throw new BadRequestException("page counts from 1.");
		}
		return new LibraryPage(page, this.library.countSaved(member.id()),
				this.library.saved(member.id(), (page - 1) * PAGE, PAGE));
	}

	@Operation(summary = "Your collections", description = "By name, without their papers.")
	@GetMapping("/api/collections")
	List<ApiCollection> collections(Member member) {
		return this.library.collections(member.id())
			.stream()
			.map((collection) -> ApiCollection.of(collection, member.username(), null))
			.toList();
	}

	@Operation(summary = "Create a collection", description = "Body: {\"name\": \"Reading group\", \"slug\": "
			+ "\"reading-group\", \"description\": \"\", \"isPublic\": false}; only the name is needed (the slug is "
			+ "made from it). Private unless isPublic. 400 for a bad name or slug, one taken, or too many collections.")
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "429", description = TOO_MANY)
	@PostMapping("/api/collections")
	ResponseEntity<ApiCollection> create(@RequestBody CollectionRequest request, Member member) {
		this.limit.take(member);
		PaperCollection collection = this.library.createCollection(member.id(), request.name(), request.slug(),
				request.description(), Boolean.TRUE.equals(request.isPublic()));
		return ResponseEntity.created(URI.create("/api/collections/" + collection.id()))
			.body(ApiCollection.of(collection, member.username(), List.of()));
	}

	@Operation(summary = "One of your collections, with its papers and notes")
	@ApiResponse(responseCode = "200", description = "The collection", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "No collection of yours has this id")
	@GetMapping("/api/collections/{id}")
	ApiCollection collection(@Parameter(description = COLLECTION_ID) @PathVariable long id, Member member) {
		PaperCollection collection = this.library.collection(member.id(), id);
		return ApiCollection.of(collection, member.username(), this.library.items(id));
	}

	@Operation(summary = "Change a collection", description = "Body: the fields to change, such as {\"isPublic\": true} "
			+ "or {\"name\": \"Group\", \"slug\": \"group\"}.")
	@ApiResponse(responseCode = "200", description = "The collection as it now is", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "No collection of yours has this id")
	@ApiResponse(responseCode = "429", description = TOO_MANY)
	@PatchMapping("/api/collections/{id}")
	ApiCollection update(@Parameter(description = COLLECTION_ID) @PathVariable long id, @RequestBody CollectionRequest request,
			Member member) {
		this.limit.take(member);
		PaperCollection collection = this.library.updateCollection(member.id(), id, request.name(), request.slug(),
				request.description(), request.isPublic());
		return ApiCollection.of(collection, member.username(), this.library.items(id));
	}

	@Operation(summary = "Delete a collection", description = "Its papers stay in your library.")
	@ApiResponse(responseCode = "204", description = "Done")
	@ApiResponse(responseCode = "404", description = "No collection of yours has this id")
	@ApiResponse(responseCode = "429", description = TOO_MANY)
	@DeleteMapping("/api/collections/{id}")
	ResponseEntity<Void> delete(@Parameter(description = COLLECTION_ID) @PathVariable long id, Member member) {
		this.limit.take(member);
		this.library.deleteCollection(member.id(), id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Add a paper to a collection, or change its note",
			description = "Optional body: {\"note\": \"Read for Tuesday\"}. The paper is saved to your library too.")
	@ApiResponse(responseCode = "200", description = "The paper on the collection, with its note", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "No collection of yours has this id (or no such paper)")
	@ApiResponse(responseCode = "429", description = TOO_MANY)
	@PostMapping("/api/collections/{id}/papers/{paperId}")
	CollectionItem add(@Parameter(description = COLLECTION_ID) @PathVariable long id,
			@Parameter(description = PAPER_ID) @PathVariable String paperId,
			@RequestBody(required = false) NoteRequest request, Member member) {
		this.limit.take(member);
		return this.library.addToCollection(member.id(), id, ArxivId.parse(paperId).id(),
				(request != null) ? request.note() : null);
	}

	@Operation(summary = "Take a paper off a collection", description = "It stays in your library.")
	@ApiResponse(responseCode = "204", description = "Done")
	@ApiResponse(responseCode = "404", description = "No collection of yours has this id (or no such paper)")
	@ApiResponse(responseCode = "429", description = TOO_MANY)
	@DeleteMapping("/api/collections/{id}/papers/{paperId}")
	ResponseEntity<Void> remove(@Parameter(description = COLLECTION_ID) @PathVariable long id,
			@Parameter(description = PAPER_ID) @PathVariable String paperId, Member member) {
		this.limit.take(member);
		this.library.removeFromCollection(member.id(), id, ArxivId.parse(paperId).id());
		return ResponseEntity.noContent().build();
	}

	/**
	 * One page of a member's library.
	 *
	 * @param page which page, from 1
	 * @param total how many papers the library holds
	 * @param papers this page's papers, each with when it was saved
	 */
	record LibraryPage(int page, long total, List<TimedPaper> papers) {
	}

	/**
	 * What a script sends to create or change a collection; absent fields are left as they were.
	 *
	 * @param name its name
	 * @param slug its address ({@code reading-group})
	 * @param description a sentence or two
	 * @param isPublic whether anyone may read it
	 */
	record CollectionRequest(String name, String slug, String description, Boolean isPublic) {
	}

	/**
	 * A note on a paper of a collection.
	 *
	 * @param note plain text
	 */
	record NoteRequest(String note) {
	}

}
