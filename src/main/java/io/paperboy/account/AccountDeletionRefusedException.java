package io.paperboy.account;

import io.paperboy.web.BadRequestException;

/**
 * An account was not deleted, and nothing of it was: the confirmation was not the member's username,
 * or the member is the last administrator. A 400 page or problem document, with the reason.
 */
public class AccountDeletionRefusedException extends BadRequestException {

	AccountDeletionRefusedException(String message) {
		super("Account not deleted", message);
	}

}
