package io.paperboy.catalog;

/**
 * What a page tells the sites where its link is shared (Open Graph and Twitter cards) so that they
 * preview it with a title, a few lines and, when there is one, a picture.
 *
 * @param title the title
 * @param description a few lines: the start of the abstract
 * @param url the page's absolute address, from {@code paperboy.base-url}
 * @param imageUrl the absolute address of a picture, or {@code null}
 */
public record LinkPreview(String title, String description, String url, String imageUrl) {

	/** How much of the abstract a preview carries: about what the sites show. */
	static final int DESCRIPTION_LENGTH = 300;

	/** The preview of a paper's page. */
	static LinkPreview of(Paper paper, String baseUrl, String image) {
		String imageUrl = (image == null || image.startsWith("https://") || image.startsWith("http://")) ? image
				: baseUrl + (image.startsWith("/") ? "" : "/") + image;
		return new LinkPreview(paper.displayTitle(), Text.excerpt(paper.summary(), DESCRIPTION_LENGTH),
				baseUrl + "/papers/" + paper.id(), imageUrl);
	}

	/** The kind of Twitter card: a large picture when there is one. */
	public String twitterCard() {
		return (this.imageUrl != null) ? "summary_large_image" : "summary";
	}

}
