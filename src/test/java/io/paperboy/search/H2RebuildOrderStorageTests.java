package io.paperboy.search;

/** The rebuild's order on the embedded H2 database. */
class H2RebuildOrderStorageTests extends RebuildOrderStorageContract {

}
