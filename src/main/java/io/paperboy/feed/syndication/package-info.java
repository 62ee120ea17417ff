/** RSS 2.0 and Atom 1.0 documents of the lists, written with ROME. */
package io.paperboy.feed.syndication;
