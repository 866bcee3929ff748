package chengguan.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Passwords too common to accept: the 10,000 most common passwords of zxcvbn4j's list (com.nulab-inc:zxcvbn
 * 1.9.0 on Maven Central, MIT licence, read from its jar; the list is in frequency order) plus common Chinese
 * passwords kept in {@code account/common-passwords-zh.txt}. A password is refused when, in lower case, it is on
 * the list as typed, without trailing punctuation ("Password1!"), or without any punctuation ("Admin@123").
 */
final class CommonPasswords {

	static final int FROM_ZXCVBN = 10_000;

	private static final String ZXCVBN = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

	private static final String CHINESE = "/account/common-passwords-zh.txt";

	private static volatile Set<String> passwords;

	private CommonPasswords() {
	}

	static boolean isCommon(String password) {
		String lower = password.toLowerCase(Locale.ROOT);
		Set<String> list = passwords();
		return list.contains(lower) || list.contains(lower.replaceAll("[^\\p{Alnum}]+$", ""))
				|| list.contains(lower.replaceAll("[^\\p{Alnum}]", ""));
	}

	static Set<String> passwords() {
		Set<String> loaded = passwords;
		if (loaded == null) {
			Set<String> all = new HashSet<>(16_000);
			read(ZXCVBN, FROM_ZXCVBN, all);
			read(CHINESE, Integer.MAX_VALUE, all);
			passwords = loaded = Set.copyOf(all);
		}
		return loaded;
	}

	private static void read(String resource, int limit, Set<String> into) {
		try (InputStream in = CommonPasswords.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing list of common passwords " + resource);
			}
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			int count = 0;
			for (String line = lines.readLine(); line != null && count < limit; line = lines.readLine()) {
				String entry = line.strip();
				if (!entry.isEmpty() && !entry.startsWith("#")) {
					into.add(entry.toLowerCase(Locale.ROOT));
					count++;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
