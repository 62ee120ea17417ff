package io.paperboy.library;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import io.paperboy.account.Member;
import io.paperboy.account.User;
import io.paperboy.account.UserDirectory;
import io.paperboy.feed.syndication.FeedChannel;
import io.paperboy.feed.syndication.FeedFormat;
import io.paperboy.feed.syndication.FeedWriter;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * A collection at its public address, {@code /u/{username}/collections/{slug}}, with its BibTeX and
 * RIS exports and its RSS and Atom feeds ({@code .../feed.xml}, {@code .../feed.atom}, each with an
 * entity tag). A private collection is there for its owner only: to anyone else, as to a feed
 * reader, it does not exist (404), whether or not they are signed in.
 */
@Controller
class PublicCollectionController {

	private static final String COLLECTION = "/u/{username}/collections/{slug:[a-z0-9-]+}";

	private final Library library;

	private final UserDirectory users;

	private final LibraryPageController pages;

	private final FeedWriter feeds;

	PublicCollectionController(Library library, UserDirectory users, LibraryPageController pages, FeedWriter feeds) {
		this.library = library;
		this.users = users;
		this.pages = pages;
		this.feeds = feeds;
	}

	@GetMapping(COLLECTION)
	String collection(@PathVariable String username, @PathVariable String slug,
			@AuthenticationPrincipal Member member, Model model) {
		User owner = owner(username);
		PaperCollection collection = this.library.visibleCollection(owner.id(), slug, (member != null) ? member.id() : null);
		model.addAttribute("page", this.pages.view(owner, collection, member != null && member.id() == owner.id()));
		return "library/collection";
	}

	@GetMapping(COLLECTION + ".{extension:bib|ris}")
	ResponseEntity<String> export(@PathVariable String username, @PathVariable String slug, @PathVariable String extension,
			@AuthenticationPrincipal Member member) {
		User owner = owner(username);
		PaperCollection collection = this.library.visibleCollection(owner.id(), slug, (member != null) ? member.id() : null);
		return this.pages.citationsOf(collection, extension, this.library.items(collection.id()));
	}

	/** Public collections only, whoever asks: a feed reader's address must not depend on a session. */
	@GetMapping(COLLECTION + "/feed.{extension:" + FeedFormat.EXTENSIONS + "}")
	ResponseEntity<byte[]> feed(@PathVariable String username, @PathVariable String slug, @PathVariable String extension,
			WebRequest request) {
		User owner = owner(username);
		PaperCollection collection = this.library.visibleCollection(owner.id(), slug, null);
		FeedFormat format = FeedFormat.ofExtension(extension);
		// the most recently added first, as a reader lists news
		List<String> ids = new ArrayList<>(this.library.items(collection.id()).stream().map(CollectionItem::paperId).toList());
		Collections.reverse(ids);
		FeedChannel channel = new FeedChannel(collection.name() + " (" + owner.displayName() + ") on Paperboy",
				collection.description().isEmpty() ? "Papers collected by " + owner.displayName() + "."
						: collection.description(),
				"/u/" + owner.username() + "/collections/" + collection.slug(), collection.createdAt());
		byte[] document = this.feeds.write(format, channel, this.pages.inOrder(ids));
		String tag = "\"" + sha256(document) + "\"";
		if (request.checkNotModified(tag)) {
			return null;
		}
		return ResponseEntity.ok()
			.contentType(format.mediaType())
			.cacheControl(CacheControl.noCache())
			.eTag(tag)
			.body(document);
	}

	private User owner(String username) {
		return this.users.findByUsername(username).orElseThrow(CollectionNotFoundException::new);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
