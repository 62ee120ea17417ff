/**
 * Email digests: double opt-in subscriptions with preferences, signed links, composing a digest
 * of trending papers for each subscriber, and sending the digests that are due.
 */
package io.paperboy.digest;
