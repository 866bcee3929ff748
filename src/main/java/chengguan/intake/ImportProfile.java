package chengguan.intake;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import chengguan.platform.web.InvalidRequestException;

/**
 * How one city's 12345 export is read: which header holds each field, and which of our category codes each of
 * its categories means. Both are kept as "key=value" lines, so an administrator can paste them from a spreadsheet.
 */
public record ImportProfile(long id, String name, Map<ImportField, String> columns, Map<String, String> categories,
		long version) {

	public String columnText() {
		return columns.entrySet().stream().map(e -> e.getKey().key() + "=" + e.getValue())
			.collect(Collectors.joining("\n"));
	}

	public String categoryText() {
		return categories.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining("\n"));
	}

	static Map<ImportField, String> parseColumns(String text) {
		Map<ImportField, String> columns = new EnumMap<>(ImportField.class);
		lines(text).forEach((key, header) -> {
			ImportField field = ImportField.byKey(key);
			if (field == null) {
				throw new InvalidRequestException("import.profile.invalid", "未知字段「" + key + "」");
			}
			columns.put(field, header);
		});
		for (ImportField field : ImportField.values()) {
			if (field.required() && !columns.containsKey(field)) {
				throw new InvalidRequestException("import.profile.invalid", "缺少必填字段 " + field.key());
			}
		}
		return columns;
	}

	static Map<String, String> parseCategories(String text) {
		return lines(text);
	}

	private static Map<String, String> lines(String text) {
		Map<String, String> map = new LinkedHashMap<>();
		if (text == null) {
			return map;
		}
		int number = 0;
		for (String line : text.split("\\R")) {
			number++;
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int equals = trimmed.indexOf('=');
			if (equals <= 0 || equals == trimmed.length() - 1) {
				throw new InvalidRequestException("import.profile.invalid", "第 " + number + " 行应为「名称=值」");
			}
			map.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
		}
		return map;
	}

}
