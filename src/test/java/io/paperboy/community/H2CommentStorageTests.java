package io.paperboy.community;

/** Comments' storage on the embedded H2 database, as a fresh install runs it. */
class H2CommentStorageTests extends CommentStorageContract {

}
