package io.paperboy.catalog;

import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkPreviewTests {

	private static final Paper PAPER = TestPapers.paper("2401.00001").withTitle("A Title\n  wrapped")
		.withSummary("word ".repeat(200))
		.build();

	@Test
	void aPreviewHasTheTitleTheStartOfTheAbstractAndTheAbsoluteAddress() {
		LinkPreview preview = LinkPreview.of(PAPER, "https://papers.example.org", null);

		assertThat(preview.title()).isEqualTo("A Title wrapped");
		assertThat(preview.description()).startsWith("word word").endsWith("…")
			.hasSizeLessThanOrEqualTo(LinkPreview.DESCRIPTION_LENGTH);
		assertThat(preview.url()).isEqualTo("https://papers.example.org/papers/2401.00001");
		assertThat(preview.imageUrl()).isNull();
		assertThat(preview.twitterCard()).isEqualTo("summary");
	}

	@Test
	void aPictureOfThisSiteIsMadeAbsoluteAndAnotherSitesIsKept() {
		assertThat(LinkPreview.of(PAPER, "https://papers.example.org", "/papers/2401.00001/thumbnail").imageUrl())
			.isEqualTo("https://papers.example.org/papers/2401.00001/thumbnail");
		assertThat(LinkPreview.of(PAPER, "https://papers.example.org", "https://cdn.example.net/t.png").imageUrl())
			.isEqualTo("https://cdn.example.net/t.png");
		assertThat(LinkPreview.of(PAPER, "https://papers.example.org", "/t.png").twitterCard())
			.isEqualTo("summary_large_image");
	}

}
