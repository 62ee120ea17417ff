/** Users: members and the submitters that imports name. */
package io.paperboy.account;
