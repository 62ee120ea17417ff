package io.paperboy.feed;

/** Trending scores on the embedded H2 database, as a fresh install runs it. */
class H2TrendingStorageTests extends TrendingStorageContract {

}
