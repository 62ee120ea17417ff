package io.paperboy.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is looking at a page: a signed-in member (with the token their forms must carry) or an
 * anonymous visitor. The layout asks for it, so every page shows the right header without each
 * controller passing it on.
 * <p>
 * A page that is kept and sent again to many visitors (a day page) must only be kept as the
 * anonymous visitor sees it: see {@link #isAnonymous()}.
 *
 * @param member the signed-in member, or {@code null}
 * @param csrf the CSRF token for this member's forms, or {@code null} for anonymous visitors
 * @param path the path and query of the page being shown, for "sign in and come back here"
 */
public record Viewer(Member member, CsrfToken csrf, String path) {

	/** Nobody signed in, on no particular page. */
	public static final Viewer ANONYMOUS = new Viewer(null, null, "/papers");

	public boolean isAnonymous() {
		return this.member == null;
	}

	public boolean isCurator() {
		return this.member != null && this.member.isCurator();
	}

	public boolean isAdmin() {
		return this.member != null && this.member.isAdmin();
	}

	/** The hidden form field that carries the CSRF token ({@code _csrf}). */
	public String csrfParameter() {
		return (this.csrf != null) ? this.csrf.getParameterName() : "_csrf";
	}

	public String csrfToken() {
		return (this.csrf != null) ? this.csrf.getToken() : "";
	}

	/** The sign-in page, set to come back to the page being shown. */
	public String signInLink() {
		return "/signin?continue=" + java.net.URLEncoder.encode(this.path, java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The visitor of the request being handled on this thread. */
	public static Viewer current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return ANONYMOUS;
		}
		HttpServletRequest request = servlet.getRequest();
		String path = request.getRequestURI() + ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		Member member = member(SecurityContextHolder.getContext().getAuthentication());
		if (member == null) {
			return new Viewer(null, null, path);
		}
		return new Viewer(member, (CsrfToken) request.getAttribute(CsrfToken.class.getName()), path);
	}

	/** The member behind an authentication, or {@code null} for none or an anonymous one. */
	public static Member member(Authentication authentication) {
		return (authentication != null && authentication.getPrincipal() instanceof Member member) ? member : null;
	}

}
