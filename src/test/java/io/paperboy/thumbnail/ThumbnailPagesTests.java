package io.paperboy.thumbnail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

import io.paperboy.catalog.Catalog;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.HtmlText;
import io.paperboy.support.Operators;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /papers/{id}/thumbnail}, and the thumbnails on cards and paper pages. */
@WebTest
@ExtendWith(EmptyCatalog.class)
class ThumbnailPagesTests {

	private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private ThumbnailFiles files;

	@Autowired
	private ThumbnailRepository repository;

	private final List<String> made = new java.util.ArrayList<>();

	@AfterEach
	void forgetImages() throws IOException {
		for (String id : this.made) {
			Files.deleteIfExists(this.files.fileOf(id));
		}
	}

	@Test
	void untilItsImageIsMadeAPaperHasAPlaceholderWithItsInitialsKeptBriefly() throws Exception {
		this.catalog.savePaper(TestPapers.paper("2506.00001").withTitle("Attention is all you need").build(), JUNE_2);

		MvcResult result = this.mvc.perform(get("/papers/2506.00001/thumbnail"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, "image/svg+xml;charset=UTF-8"))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=600, public"))
			.andExpect(header().exists(HttpHeaders.ETAG))
			.andReturn();

		String svg = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"518\"")
			.contains(">AI</text>");
	}

	@Test
	void aMadeImageIsServedAsAJpegKeptForAMonth() throws Exception {
		this.catalog.savePaper(TestPapers.paper("2506.00002").build(), JUNE_2);
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3 };
		save("2506.00002", jpeg);

		MvcResult result = this.mvc.perform(get("/papers/2506.00002/thumbnail"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, "image/jpeg"))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=2592000, public"))
			.andReturn();

		assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(jpeg);
	}

	@Test
	void anImageOrPlaceholderTheBrowserHasIsNotSentAgain() throws Exception {
		this.catalog.savePaper(TestPapers.paper("2506.00003").build(), JUNE_2);
		String placeholderTag = this.mvc.perform(get("/papers/2506.00003/thumbnail")).andReturn().getResponse()
			.getHeader(HttpHeaders.ETAG);

		this.mvc.perform(get("/papers/2506.00003/thumbnail").header(HttpHeaders.IF_NONE_MATCH, placeholderTag))
			.andExpect(status().isNotModified());

		save("2506.00003", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF });
		MvcResult image = this.mvc.perform(get("/papers/2506.00003/thumbnail").header(HttpHeaders.IF_NONE_MATCH, placeholderTag))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, "image/jpeg"))
			.andReturn();
		String imageTag = image.getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(imageTag).isNotEqualTo(placeholderTag);
		this.mvc.perform(get("/papers/2506.00003/thumbnail").header(HttpHeaders.IF_NONE_MATCH, "W/" + imageTag))
			.andExpect(status().isNotModified())
			.andExpect(header().string(HttpHeaders.ETAG, imageTag));
	}

	@Test
	void anOldStyleIdHasItsThumbnailToo() throws Exception {
		this.catalog.savePaper(TestPapers.paper("hep-th/9901001").withTitle("Strings").build(), JUNE_2);

		this.mvc.perform(get("/papers/hep-th/9901001/thumbnail"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, "image/svg+xml;charset=UTF-8"));
	}

	@Test
	void aPaperNotInTheCatalogHasNoThumbnail() throws Exception {
		this.mvc.perform(get("/papers/2506.09999/thumbnail")).andExpect(status().isNotFound());
	}

	@Test
	void cardsAndThePaperPageShowTheThumbnailSizedBeforeItLoadsAndLazily() throws Exception {
		this.catalog.savePaper(TestPapers.paper("2506.00004").withTitle("On cards").build(), JUNE_2);
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00004", JUNE_2));

		String day = this.mvc.perform(get("/papers/date/2025-06-02")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		String paper = this.mvc.perform(get("/papers/2506.00004")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(day).contains("<img class=\"thumb thumb-card\" src=\"/papers/2506.00004/thumbnail\" alt=\"\""
				+ " width=\"96\" height=\"124\" loading=\"lazy\" decoding=\"async\">");
		assertThat(paper).contains("<img class=\"thumb thumb-page\" src=\"/papers/2506.00004/thumbnail\""
				+ " alt=\"First page of the paper\" width=\"160\" height=\"207\" loading=\"lazy\" decoding=\"async\">");
		assertThat(day + paper).doesNotContain("huggingface.co").doesNotContain("cdn-thumbnails");
	}

	@Test
	void aSharedLinkPreviewsWithTheFirstPageOnceItIsMadeAndWithWordsBefore() throws Exception {
		this.catalog.savePaper(TestPapers.paper("2506.00005").withTitle("Shared").build(), JUNE_2);

		String before = this.mvc.perform(get("/papers/2506.00005")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		save("2506.00005", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF });
		String after = this.mvc.perform(get("/papers/2506.00005")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(before).contains("<meta property=\"og:title\" content=\"Shared\">")
			.doesNotContain("og:image")
			.contains("<meta name=\"twitter:card\" content=\"summary\">");
		assertThat(after)
			.contains("<meta property=\"og:image\" content=\"https://papers.example.org/papers/2506.00005/thumbnail\">")
			.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">");
	}

	@Test
	void operatorsSeeHowManyAreMadeAndWhyOthersFailed() throws Exception {
		for (int i = 5; i <= 7; i++) {
			this.catalog.savePaper(TestPapers.paper("2506.0000" + i).publishedAt(java.time.Instant.parse("2025-06-01T00:00:00Z"))
				.build(), JUNE_2);
		}
		this.repository.made("2506.00005", java.time.Instant.parse("2025-06-02T10:00:00Z"));
		this.repository.failed("2506.00006", "the PDF is encrypted", java.time.Instant.parse("2025-06-02T11:00:00Z"));

		String text = HtmlText.of(this.mvc.perform(get("/admin/thumbnails").with(Operators.operator()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));

		assertThat(text).contains("Made 1").contains("Still to try 1").contains("To try again later 0")
			.contains("Given up 1")
			.contains("2506.00006 failed 1 the PDF is encrypted 2025-06-02T11:00:00Z");
	}

	private void save(String id, byte[] jpeg) {
		this.files.save(id, jpeg);
		this.made.add(id);
	}

}
