package io.paperboy.digest;

/** Digests on the embedded H2 database, as a fresh install runs them. */
class H2DigestStorageTests extends DigestStorageContract {

}
