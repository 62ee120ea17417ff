package io.paperboy.mail;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the development outbox: for {@code /admin/mail}, and for tests that follow a mailed link. */
@Service
public class DevMailbox {

	private final DevMailRepository messages;

	DevMailbox(DevMailRepository messages) {
		this.messages = messages;
	}

	/** The newest messages first. */
	@Transactional(readOnly = true)
	public List<KeptMail> newest(int limit) {
		return this.messages.newest(limit);
	}

	/** Every message kept for one address, oldest first. */
	@Transactional(readOnly = true)
	public List<KeptMail> to(String address) {
		return this.messages.to(address);
	}

	/** Forgets every message kept for one address (its account was deleted). */
	@Transactional
	public int forget(String address) {
		return this.messages.forget(address);
	}

	@Transactional(readOnly = true)
	public Optional<KeptMail> find(long id) {
		return this.messages.find(id);
	}

}
