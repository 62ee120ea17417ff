package io.paperboy.web;

/**
 * Where "come back here after signing in" may lead: a path on this site only, so a crafted link
 * cannot send a member who just signed in to another site.
 */
public final class SafeRedirect {

	public static final String HOME = "/papers";

	private SafeRedirect() {
	}

	/** {@code candidate} when it is a path on this site, else the home page. */
	public static String path(String candidate) {
		if (candidate == null || candidate.isEmpty() || candidate.length() > 2000 || candidate.charAt(0) != '/') {
			return HOME;
		}
		// "//host" and "/\host" are read by browsers as another site
		if (candidate.length() > 1 && (candidate.charAt(1) == '/' || candidate.charAt(1) == '\\')) {
			return HOME;
		}
		if (candidate.codePoints().anyMatch((c) -> Character.isISOControl(c) || c == '\\')) {
			return HOME;
		}
		if (candidate.startsWith("/signin") || candidate.startsWith("/signout") || candidate.startsWith("/welcome")) {
			return HOME;
		}
		return candidate;
	}

}
