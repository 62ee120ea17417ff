package io.paperboy.account;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import io.paperboy.cli.Verb;
import org.springframework.stereotype.Component;

/**
 * {@code user grant-admin EMAIL}, {@code user grant ROLE EMAIL}, {@code user revoke ROLE EMAIL},
 * {@code user link USERNAME EMAIL} and {@code user delete USERNAME}: roles and accounts from the
 * command line, for the first administrator above all (there is nobody yet to grant it on a page).
 */
@Component
class UserVerb implements Verb {

	private static final String USAGE = """
			Usage: user grant-admin EMAIL
			       user grant curator|admin EMAIL
			       user revoke curator|admin EMAIL
			       user link USERNAME EMAIL   (lets EMAIL sign in as a submitter an import created)
			       user delete USERNAME       (deletes the account as its member can: see docs/privacy.md)""";

	private final Accounts accounts;

	UserVerb(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public List<String> name() {
		return List.of("user");
	}

	@Override
	public int run(List<String> operands, PrintStream out, PrintStream err) {
		try {
			if (operands.size() == 2 && operands.get(0).equals("grant-admin")) {
				return granted(this.accounts.grant(operands.get(1), Role.ADMIN), Role.ADMIN, out);
			}
			if (operands.size() == 3 && operands.get(0).equals("grant")) {
				Role role = role(operands.get(1));
				return granted(this.accounts.grant(operands.get(2), role), role, out);
			}
			if (operands.size() == 3 && operands.get(0).equals("revoke")) {
				Role role = role(operands.get(1));
				Member member = this.accounts.findByEmail(operands.get(2))
					.orElseThrow(() -> new IllegalArgumentException("No account signs in as " + operands.get(2)));
				this.accounts.revoke(member.id(), role);
				out.println(member.email() + " is no longer " + role.name().toLowerCase(Locale.ROOT) + ".");
				return 0;
			}
			if (operands.size() == 3 && operands.get(0).equals("link")) {
				Member member = this.accounts.link(operands.get(1), operands.get(2));
				out.println(member.email() + " now signs in as " + member.username() + ".");
				return 0;
			}
			if (operands.size() == 2 && operands.get(0).equals("delete")) {
				this.accounts.deleteByUsername(operands.get(1));
				out.println("The account of " + operands.get(1) + " is deleted: its library, signals, votes, "
						+ "subscription and sessions are gone; its comments and submissions show \"a deleted member\".");
				return 0;
			}
		}
		catch (IllegalArgumentException | AccountDeletionRefusedException ex) {
			err.println(ex.getMessage());
			return 1;
		}
		err.println(USAGE);
		return 2;
	}

	private static int granted(Member member, Role role, PrintStream out) {
		out.println(member.email() + " is " + role.name().toLowerCase(Locale.ROOT)
				+ (member.needsProfile() ? " (they choose a username at their first sign-in)." : "."));
		return 0;
	}

	private static Role role(String word) {
		try {
			return Role.valueOf(word.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("No role " + word + ": curator or admin");
		}
	}

}
