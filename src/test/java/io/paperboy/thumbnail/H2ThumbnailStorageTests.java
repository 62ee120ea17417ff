package io.paperboy.thumbnail;

/** The thumbnails' storage on the embedded H2 database. */
class H2ThumbnailStorageTests extends ThumbnailStorageContract {

}
