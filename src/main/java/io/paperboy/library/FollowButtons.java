package io.paperboy.library;

import io.paperboy.account.Viewer;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Whether the follow button of an author page shows as pressed: for a member, whether they follow
 * that author; for an anonymous visitor never (their button is a link to sign in).
 */
public final class FollowButtons {

	private FollowButtons() {
	}

	/** Whether {@code viewer}, the visitor the page is rendered for, follows the author so named. */
	public static boolean following(Viewer viewer, String name) {
		if (viewer.isAnonymous()
				|| !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return false;
		}
		Library library = RequestContextUtils.findWebApplicationContext(attributes.getRequest()).getBean(Library.class);
		return library.follows(viewer.member().id(), name);
	}

}
