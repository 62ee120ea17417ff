package io.paperboy.library;

import java.util.Set;

import io.paperboy.account.Viewer;
import io.paperboy.account.ViewerButtons;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the save buttons of one page show its visitor: for an anonymous visitor a link to sign in
 * (no form, no token: such a page may be kept for every anonymous visitor); for a member a form
 * with their CSRF token, pressed on the papers in their library. The member's saved papers are read
 * once per request, by the first button that asks.
 *
 * @param viewer who looks at the page
 * @param saved the papers the member saved; empty for anonymous visitors
 */
public record SaveButtons(Viewer viewer, Set<String> saved) implements ViewerButtons {

	private static final String ATTRIBUTE = SaveButtons.class.getName();

	public SaveButtons {
		saved = Set.copyOf(saved);
	}

	/**
	 * The buttons as {@code viewer} sees them: pass the viewer the page is rendered for (an
	 * anonymous one for a page kept for every anonymous visitor), never a guess.
	 */
	public static SaveButtons of(Viewer viewer) {
		if (viewer.isAnonymous()) {
			return new SaveButtons(viewer, Set.of());
		}
		HttpServletRequest request = RenderingRequest.current().orElse(null);
		if (request == null) {
			return new SaveButtons(viewer, Set.of());
		}
		String attribute = ATTRIBUTE + "." + viewer.member().id();
		if (request.getAttribute(attribute) instanceof SaveButtons known) {
			return known;
		}
		SaveButtons buttons = new SaveButtons(viewer, RenderingRequest.library(request).savedIds(viewer.member().id()));
		request.setAttribute(attribute, buttons);
		return buttons;
	}

	public boolean hasSaved(String paperId) {
		return this.saved.contains(paperId);
	}

}
