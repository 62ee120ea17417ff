package io.paperboy.community;

/** Curators' marks on the embedded H2 database, as a fresh install runs it. */
class H2CurationStorageTests extends CurationStorageContract {

}
