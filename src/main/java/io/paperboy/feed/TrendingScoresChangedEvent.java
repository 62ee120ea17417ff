package io.paperboy.feed;

/** Every stored score changed at once (a rebuild or a rebase committed): lists made from them are outdated. */
record TrendingScoresChangedEvent() {
}
