package io.paperboy.library;

import io.paperboy.account.MemberDeletedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a member's account is deleted, everything of theirs this module keeps goes with it, in the
 * deletion's transaction: saves, not interested, follows, collections (public ones too) with their
 * notes. See {@code docs/privacy.md}.
 */
@Component
class DeletedMemberLibrary {

	private final Library library;

	DeletedMemberLibrary(Library library) {
		this.library = library;
	}

	@EventListener
	void memberDeleted(MemberDeletedEvent deleted) {
		this.library.forget(deleted.memberId());
	}

}
