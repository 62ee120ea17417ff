/** The one way Paperboy sends mail: sign-in links, confirmations and digests. */
package io.paperboy.mail;
