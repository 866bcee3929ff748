package chengguan.account;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/** Random initial passwords that meet any policy up to four classes; look-alike characters are left out. */
@Component
class InitialPasswords {

	private static final String[] CLASSES = { "abcdefghijkmnpqrstuvwxyz", "ABCDEFGHJKLMNPQRSTUVWXYZ", "23456789",
			"@#%+=?" };

	private final SecureRandom random = new SecureRandom();

	String generate(int length) {
		StringBuilder password = new StringBuilder();
		for (String characters : CLASSES) {
			password.append(pick(characters));
		}
		String all = String.join("", CLASSES);
		while (password.length() < length) {
			password.append(pick(all));
		}
		for (int i = password.length() - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			char swap = password.charAt(i);
			password.setCharAt(i, password.charAt(j));
			password.setCharAt(j, swap);
		}
		return password.toString();
	}

	private char pick(String characters) {
		return characters.charAt(random.nextInt(characters.length()));
	}

}
