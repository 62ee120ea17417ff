package io.paperboy.library;

/** Libraries, signals and collections on the embedded H2 database, as a fresh install runs it. */
class H2LibraryStorageTests extends LibraryStorageContract {

}
