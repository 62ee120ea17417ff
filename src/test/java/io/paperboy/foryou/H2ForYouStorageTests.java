package io.paperboy.foryou;

/** The "For you" feed's queries on the embedded H2 database, as a fresh install runs it. */
class H2ForYouStorageTests extends ForYouStorageContract {

}
