package io.paperboy.account;

/** "Check your inbox": how long the link works, and whether it went to the development outbox. */
public record SentPage(long minutes, boolean outbox) {

}
