package io.paperboy.thumbnail;

import java.util.Optional;

import io.paperboy.catalog.Paper;
import io.paperboy.catalog.PaperPreviewImages;

/**
 * A shared link to a paper previews with its first page once that picture is made; the placeholder
 * is an SVG, which link previews do not show, so until then the preview has words alone.
 */
final class ThumbnailPreviewImages implements PaperPreviewImages {

	private final ThumbnailFiles files;

	ThumbnailPreviewImages(ThumbnailFiles files) {
		this.files = files;
	}

	@Override
	public Optional<String> imageOf(Paper paper) {
		return this.files.find(paper.id()).map((file) -> paper.thumbnailPath());
	}

}
