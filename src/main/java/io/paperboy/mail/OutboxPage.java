package io.paperboy.mail;

import java.util.List;

/** The development outbox page: the newest messages, and whether mail goes there at all now. */
public record OutboxPage(List<KeptMail> messages, boolean inUse) {

}
