package io.paperboy.account;

/** Deleting accounts on the embedded H2 database, as a fresh install runs it. */
class H2AccountDeletionStorageTests extends AccountDeletionStorageContract {

}
