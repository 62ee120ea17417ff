/** What members do with papers: votes (later comments, submissions and moderation). */
package io.paperboy.community;
