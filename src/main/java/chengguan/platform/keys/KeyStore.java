package chengguan.platform.keys;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The platform's secret keys, read once at start: from the environment when given there, else from the key file;
 * a missing key is generated into the file only where {@link KeyProperties#generate()} allows it (the embedded
 * default). Without a key the platform does not start, so no row is ever written unsealed.
 */
@Component
public class KeyStore {

	private static final Logger log = LoggerFactory.getLogger(KeyStore.class);

	private final Map<KeyPurpose, List<SecretKeyEntry>> keys = new EnumMap<>(KeyPurpose.class);

	public KeyStore(KeyProperties properties, Clock clock) {
		for (KeyPurpose purpose : KeyPurpose.values()) {
			List<SecretKeyEntry> loaded = fromSetting(purpose, properties.given(purpose));
			if (loaded.isEmpty()) {
				loaded = fromFile(purpose, properties.file());
			}
			if (loaded.isEmpty()) {
				if (!properties.generate()) {
					throw new MissingKeyException(purpose, properties.file());
				}
				loaded = List.of(generate(purpose, properties.file(), clock));
			}
			keys.put(purpose, List.copyOf(loaded));
		}
	}

	/** The key that seals new rows. */
	public SecretKeyEntry current(KeyPurpose purpose) {
		return keys.get(purpose).get(0);
	}

	/** A key by the id a row carries; empty when this installation does not know it (or no longer does). */
	public Optional<SecretKeyEntry> find(KeyPurpose purpose, String id) {
		return keys.get(purpose).stream().filter(k -> k.id().equals(id)).findFirst();
	}

	private static List<SecretKeyEntry> fromSetting(KeyPurpose purpose, String setting) {
		List<SecretKeyEntry> found = new ArrayList<>();
		if (setting == null || setting.isBlank()) {
			return found;
		}
		for (String part : setting.split(",")) {
			int colon = part.indexOf(':');
			if (colon <= 0) {
				throw new IllegalStateException("chengguan.keys." + purpose.fileName()
						+ " must be ID:BASE64[,ID:BASE64...] (密钥格式应为 编号:BASE64)");
			}
			found.add(new SecretKeyEntry(part.substring(0, colon).trim(), decode(purpose, part.substring(colon + 1))));
		}
		return found;
	}

	private static List<SecretKeyEntry> fromFile(KeyPurpose purpose, Path file) {
		List<SecretKeyEntry> found = new ArrayList<>();
		if (!Files.exists(file)) {
			return found;
		}
		Properties stored = read(file);
		String current = stored.getProperty(purpose.fileName() + ".current");
		if (current == null) {
			return found;
		}
		String prefix = purpose.fileName() + ".";
		String currentValue = stored.getProperty(prefix + current);
		if (currentValue == null) {
			throw new IllegalStateException("Key file " + file + " names " + current + " as the current "
					+ purpose.fileName() + " key but does not hold it");
		}
		found.add(new SecretKeyEntry(current, decode(purpose, currentValue)));
		for (String name : stored.stringPropertyNames()) {
			if (name.startsWith(prefix) && !name.equals(prefix + "current") && !name.equals(prefix + current)) {
				found.add(new SecretKeyEntry(name.substring(prefix.length()), decode(purpose, stored.getProperty(name))));
			}
		}
		return found;
	}

	private static SecretKeyEntry generate(KeyPurpose purpose, Path file, Clock clock) {
		byte[] material = new byte[purpose.generatedBytes()];
		SecureRandom random = new SecureRandom();
		random.nextBytes(material);
		byte[] suffix = new byte[3];
		random.nextBytes(suffix);
		String id = purpose.fileName().charAt(0) + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString().replace("-", "")
				+ "-" + HexFormat.of().formatHex(suffix);
		Map<String, String> lines = new LinkedHashMap<>();
		if (Files.exists(file)) {
			Properties stored = read(file);
			stored.stringPropertyNames().stream().sorted().forEach(n -> lines.put(n, stored.getProperty(n)));
		}
		lines.put(purpose.fileName() + ".current", id);
		lines.put(purpose.fileName() + "." + id, Base64.getEncoder().encodeToString(material));
		write(file, lines);
		log.warn("Generated the {} key {} into {}: keep this file safe and back it up apart from the database",
				purpose.fileName(), id, file.toAbsolutePath());
		return new SecretKeyEntry(id, material);
	}

	private static byte[] decode(KeyPurpose purpose, String base64) {
		try {
			byte[] material = Base64.getDecoder().decode(base64.trim());
			if (material.length < 16) {
				throw new IllegalStateException("The " + purpose.fileName() + " key is shorter than 128 bits");
			}
			return material;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The " + purpose.fileName() + " key is not valid Base64", ex);
		}
	}

	private static Properties read(Path file) {
		Properties stored = new Properties();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			stored.load(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the key file " + file, ex);
		}
		return stored;
	}

	/** Written to a file of the owner's only, then moved over the old one, so a crash never leaves half a file. */
	private static void write(Path file, Map<String, String> lines) {
		try {
			Path dir = file.toAbsolutePath().getParent();
			Files.createDirectories(dir);
			Path temp = dir.resolve(file.getFileName() + ".new");
			Files.deleteIfExists(temp);
			if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(temp);
			}
			try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
				out.write("# 城管进社区 secret keys: keep this file safe and back it up apart from the database.\n");
				out.write("# Losing it makes the case history unverifiable; anyone holding it can forge history.\n");
				for (Map.Entry<String, String> line : lines.entrySet()) {
					out.write(line.getKey() + "=" + line.getValue() + "\n");
				}
			}
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException ex) {
			throw new IllegalStateException("Another process is writing the key file " + file, ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write the key file " + file, ex);
		}
	}

}
