/** What members do with papers: votes, and the profiles that show what someone did (later comments, submissions and moderation). */
package io.paperboy.community;
