package io.paperboy.thumbnail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import io.paperboy.catalog.ArxivId;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.catalog.PaperNotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * {@code /papers/{id}/thumbnail} (and {@code /papers/hep-th/9901001/thumbnail}): the image of the
 * paper's first page, kept for a long time by browsers and proxies, or, until it is made, a
 * placeholder they keep only briefly, so the image shows soon after it is made. Both carry an
 * entity tag. Never a redirect to another site.
 */
@Controller
class ThumbnailController {

	/** An image never changes once made (the first page of a paper's first version is enough). */
	static final CacheControl IMAGE_CACHE = CacheControl.maxAge(Duration.ofDays(30)).cachePublic();

	/** A placeholder is replaced once the image is made: asked for again after a few minutes. */
	static final CacheControl PLACEHOLDER_CACHE = CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic();

	private static final MediaType SVG = new MediaType("image", "svg+xml", StandardCharsets.UTF_8);

	private final Catalog catalog;

	private final ThumbnailFiles files;

	ThumbnailController(Catalog catalog, ThumbnailFiles files) {
		this.catalog = catalog;
		this.files = files;
	}

	@GetMapping("/papers/{id}/thumbnail")
	ResponseEntity<byte[]> thumbnail(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		return thumbnail(ArxivId.parse(id), ifNoneMatch);
	}

	@GetMapping("/papers/{archive}/{number:\\d{7}(?:v\\d+)?}/thumbnail")
	ResponseEntity<byte[]> oldStyleThumbnail(@PathVariable String archive, @PathVariable String number,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		return thumbnail(ArxivId.parse(archive + "/" + number), ifNoneMatch);
	}

	private ResponseEntity<byte[]> thumbnail(ArxivId id, String ifNoneMatch) {
		Optional<Path> image = this.files.find(id.id());
		if (image.isPresent()) {
			try {
				Path file = image.get();
				String tag = "\"t" + Files.size(file) + "-" + Files.getLastModifiedTime(file).toMillis() + "\"";
				if (matches(ifNoneMatch, tag)) {
					return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(IMAGE_CACHE).eTag(tag).build();
				}
				return ResponseEntity.ok()
					.contentType(MediaType.IMAGE_JPEG)
					.cacheControl(IMAGE_CACHE)
					.eTag(tag)
					.body(Files.readAllBytes(file));
			}
			catch (NoSuchFileException ex) {
				// replaced between the look and the read: the placeholder this once
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		Paper paper = this.catalog.findPaper(id.id()).orElseThrow(() -> new PaperNotFoundException(id.id()));
		byte[] svg = Placeholder.svg(paper.title()).getBytes(StandardCharsets.UTF_8);
		String tag = "\"p" + Integer.toHexString(Arrays.hashCode(svg)) + "\"";
		if (matches(ifNoneMatch, tag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(PLACEHOLDER_CACHE).eTag(tag).build();
		}
		return ResponseEntity.ok().contentType(SVG).cacheControl(PLACEHOLDER_CACHE).eTag(tag).body(svg);
	}

	/** Whether {@code If-None-Match} names this tag (weakly or strongly) or is {@code *}. */
	static boolean matches(String ifNoneMatch, String tag) {
		if (ifNoneMatch == null) {
			return false;
		}
		for (String candidate : ifNoneMatch.split(",")) {
			String trimmed = candidate.strip();
			if (trimmed.startsWith("W/")) {
				trimmed = trimmed.substring(2);
			}
			if (trimmed.equals(tag) || trimmed.equals("*")) {
				return true;
			}
		}
		return false;
	}

}
