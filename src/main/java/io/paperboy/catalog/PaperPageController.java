package io.paperboy.catalog;

import java.nio.charset.StandardCharsets;

import io.paperboy.account.Viewer;
import io.paperboy.web.SiteProperties;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Paper pages: {@code /papers/2401.00001}, old-style ids such as {@code /papers/hep-th/9901001},
 * the Markdown form {@code /papers/2401.00001.md} and the BibTeX entry {@code /papers/2401.00001.bib}.
 * An id with a version redirects to the canonical id.
 */
@Controller
class PaperPageController {

	private static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

	private static final MediaType BIBTEX = new MediaType("application", "x-bibtex", StandardCharsets.UTF_8);

	private final Catalog catalog;

	private final ObjectProvider<PaperPageSection> sections;

	private final ObjectProvider<PaperPreviewImages> images;

	private final SiteProperties site;

	PaperPageController(Catalog catalog, ObjectProvider<PaperPageSection> sections,
			ObjectProvider<PaperPreviewImages> images, SiteProperties site) {
		this.catalog = catalog;
		this.sections = sections;
		this.images = images;
		this.site = site;
	}

	@GetMapping("/papers/{id}")
	String paper(@PathVariable String id, Model model, HttpServletResponse response) {
		return show(ArxivId.parse(id), model, response);
	}

	@GetMapping("/papers/{id:.+}.md")
	ResponseEntity<String> markdown(@PathVariable String id) {
		return markdown(ArxivId.parse(id));
	}

	@GetMapping("/papers/{id:.+}.bib")
	ResponseEntity<String> bibtex(@PathVariable String id) {
		return bibtex(ArxivId.parse(id));
	}

	@GetMapping("/papers/{archive}/{number:\\d{7}(?:v\\d+)?}")
	String oldStylePaper(@PathVariable String archive, @PathVariable String number, Model model,
			HttpServletResponse response) {
		return show(ArxivId.parse(archive + "/" + number), model, response);
	}

	@GetMapping("/papers/{archive}/{number:\\d{7}(?:v\\d+)?}.md")
	ResponseEntity<String> oldStyleMarkdown(@PathVariable String archive, @PathVariable String number) {
		return markdown(ArxivId.parse(archive + "/" + number));
	}

	@GetMapping("/papers/{archive}/{number:\\d{7}(?:v\\d+)?}.bib")
	ResponseEntity<String> oldStyleBibtex(@PathVariable String archive, @PathVariable String number) {
		return bibtex(ArxivId.parse(archive + "/" + number));
	}

	private String show(ArxivId id, Model model, HttpServletResponse response) {
		if (id.hasVersion()) {
			return "redirect:/papers/" + id.id();
		}
		PaperListing listing = this.catalog.findListing(id.id()).orElseThrow(() -> new PaperNotFoundException(id.id()));
		model.addAttribute("page", new PaperPage(listing));
		PaperPreviewImages pictures = this.images.getIfAvailable();
		String image = (pictures != null) ? pictures.imageOf(listing.paper()).orElse(null) : null;
		model.addAttribute("preview", LinkPreview.of(listing.paper(), this.site.baseUrl(), image));
		this.sections.orderedStream()
			.forEach((section) -> model.addAttribute(section.name(), section.model(listing.paper())));
		if (!Viewer.current().isAnonymous()) {
			// the sections show a member their own vote and forms
			response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().cachePrivate().getHeaderValue());
		}
		return "paper";
	}

	private ResponseEntity<String> markdown(ArxivId id) {
		PaperListing listing = this.catalog.findListing(id.id()).orElseThrow(() -> new PaperNotFoundException(id.id()));
		return ResponseEntity.ok().contentType(MARKDOWN).body(PaperMarkdown.render(listing.paper()));
	}

	/** The entry as a file to save: {@code 2401.00001.bib}, {@code hep-th_9901001.bib}. */
	private ResponseEntity<String> bibtex(ArxivId id) {
		Paper paper = this.catalog.findPaper(id.id()).orElseThrow(() -> new PaperNotFoundException(id.id()));
		ContentDisposition file = ContentDisposition.attachment().filename(id.id().replace('/', '_') + ".bib").build();
		return ResponseEntity.ok()
			.contentType(BIBTEX)
			.header(HttpHeaders.CONTENT_DISPOSITION, file.toString())
			.body(Bibtex.of(paper));
	}

}
