package io.paperboy.catalog;

import java.util.Optional;

/**
 * The picture that previews a paper where its link is shared ({@code og:image}), for the feature
 * that has pictures of papers to offer it; without a bean of this type a shared link previews with
 * words alone.
 */
public interface PaperPreviewImages {

	/**
	 * The address of the paper's picture: absolute, or a path of this site ({@code /papers/2401.00001/thumbnail})
	 * that the page makes absolute with {@code paperboy.base-url}; empty when the paper has none.
	 */
	Optional<String> imageOf(Paper paper);

}
