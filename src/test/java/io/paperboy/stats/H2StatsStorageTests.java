package io.paperboy.stats;

/** Vote history and statistics on the embedded H2 database, as a fresh install runs it. */
class H2StatsStorageTests extends StatsStorageContract {

}
