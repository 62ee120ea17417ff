package io.paperboy.catalog;

/** The catalog's storage on the embedded H2 database, as a fresh install runs it. */
class H2CatalogStorageTests extends CatalogStorageContract {

}
