package io.paperboy.digest;

import java.util.List;

/**
 * A digest as its message shows it; the model of {@code digest/mail.jte} and of the text part.
 *
 * @param subject the subject line
 * @param preheader the line mail programs show after the subject in the inbox
 * @param heading the heading at the top of the message
 * @param items the papers
 * @param emptyText what the message says when it holds no paper, naming the period it covers
 * @param siteUrl the site's address
 * @param preferencesUrl the signed link to the preferences page
 * @param unsubscribeUrl the signed one-click unsubscribe link
 * @param why why the person receives it
 * @param note a line about the digest as a whole, under the heading, or {@code null}
 */
public record DigestMail(String subject, String preheader, String heading, List<Item> items, String emptyText,
		String siteUrl,
		String preferencesUrl, String unsubscribeUrl, String why, String note) {

	public DigestMail {
		items = List.copyOf(items);
	}

	/**
	 * A paper as the message shows it.
	 *
	 * @param rank its place, from 1
	 * @param title its title on one line
	 * @param url its page on this site
	 * @param authors the first authors
	 * @param upvotes its upvotes
	 * @param summary two lines about it
	 * @param arxivUrl its abstract on arXiv
	 * @param codeUrl its code repository, or {@code null}
	 * @param reason why it is in this digest
	 */
	public record Item(int rank, String title, String url, String authors, int upvotes, String summary, String arxivUrl,
			String codeUrl, String reason) {

		/** The same paper at another place, for another reason. */
		Item withRank(int rank, String reason) {
			return new Item(rank, this.title, this.url, this.authors, this.upvotes, this.summary, this.arxivUrl, this.codeUrl,
					reason);
		}

	}

}
