package io.paperboy.digest;

/** The digest outbox on H2, the embedded default. */
class H2OutboxStorageTests extends OutboxStorageContract {

}
