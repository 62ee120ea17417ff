package io.paperboy.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/papers/{id}}, compatible with Hugging Face's endpoint of the same name. */
@RestController
@Tag(name = "Papers", description = "One paper by its arXiv id")
class PaperApiController {

	private final Catalog catalog;

	PaperApiController(Catalog catalog) {
		this.catalog = catalog;
	}

	@Operation(summary = "A paper by arXiv id", description = "Hugging Face-compatible; a version suffix is ignored.")
	@GetMapping("/api/papers/{id}")
	ApiPaper paper(@PathVariable String id) {
		return find(ArxivId.parse(id));
	}

	@Operation(summary = "A paper by old-style arXiv id, such as hep-th/9901001")
	@GetMapping("/api/papers/{archive}/{number:\\d{7}(?:v\\d+)?}")
	ApiPaper oldStylePaper(@PathVariable String archive, @PathVariable String number) {
		return find(ArxivId.parse(archive + "/" + number));
	}

	private ApiPaper find(ArxivId id) {
		return ApiPaper.flat(this.catalog.findListing(id.id()).orElseThrow(() -> new PaperNotFoundException(id.id())));
	}

}
