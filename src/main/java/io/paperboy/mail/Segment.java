package io.paperboy.mail;

/** A piece of a text part: words, or a link. */
public record Segment(String text, boolean link) {

}
