package io.paperboy.digest;

/** What a signed link lets its holder do; a link made for one purpose does nothing else. */
enum LinkPurpose {

	/** Confirm a subscription (the double opt-in mail). */
	CONFIRM,

	/** Open and change the subscription's preferences. */
	PREFERENCES,

	/** Leave, at once (RFC 8058 one-click) or from a page; and come back from the page that follows. */
	UNSUBSCRIBE

}
