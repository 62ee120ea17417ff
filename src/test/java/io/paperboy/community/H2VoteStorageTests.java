package io.paperboy.community;

/** Votes and profiles on the embedded H2 database, as a fresh install runs it. */
class H2VoteStorageTests extends VoteStorageContract {

}
