package io.paperboy.account;

/**
 * Buttons of a page that act for its visitor (upvote, save): for an anonymous visitor a link to sign
 * in and come back; for a member a form carrying their CSRF token that sends them back to the page.
 */
public interface ViewerButtons {

	/** Who looks at the page, and from which address. */
	Viewer viewer();

	default boolean isAnonymous() {
		return viewer().isAnonymous();
	}

	/** Where an anonymous visitor's button leads: sign in, then back to this page. */
	default String signInLink() {
		return viewer().signInLink();
	}

	/** The page a member's form sends them back to. */
	default String back() {
		return viewer().path();
	}

	default String csrfParameter() {
		return viewer().csrfParameter();
	}

	default String csrfToken() {
		return viewer().csrfToken();
	}

}
