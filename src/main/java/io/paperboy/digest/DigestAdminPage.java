package io.paperboy.digest;

import java.util.List;
import java.util.Map;

/**
 * {@code /admin/digests}, {@code digest/admin.jte}.
 *
 * @param counts subscriptions by status
 * @param email the address whose digest is previewed, or {@code ""}
 * @param preview the previewed digest, or {@code null}
 * @param previewText its text part
 * @param notice a line of news, or {@code null}
 * @param problem what went wrong, or {@code null}
 * @param outbox outbox messages by state
 * @param runs the latest runs, newest first
 * @param suppressions the suppressed addresses
 */
public record DigestAdminPage(Map<String, Long> counts, String email, DigestMail preview, String previewText,
		String notice, String problem, Map<String, Long> outbox, List<DigestRun> runs, List<Suppression> suppressions) {

	/** The sandboxed HTML view of the previewed digest. */
	public String previewLink() {
		return "/admin/digests/preview.html?email=" + java.net.URLEncoder.encode(this.email, java.nio.charset.StandardCharsets.UTF_8);
	}

}
