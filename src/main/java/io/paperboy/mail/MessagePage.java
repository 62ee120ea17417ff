package io.paperboy.mail;

import java.util.List;

/** One message of the development outbox, its text part cut into words and links. */
public record MessagePage(KeptMail mail, List<Segment> text) {

}
