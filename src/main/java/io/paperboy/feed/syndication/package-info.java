/**
 * RSS 2.0 and Atom 1.0 documents of the lists, written with ROME; other modules (a public
 * collection's feed) write theirs with the same {@link io.paperboy.feed.syndication.FeedWriter}.
 */
@NamedInterface("syndication")
package io.paperboy.feed.syndication;

import org.springframework.modulith.NamedInterface;
