package chengguan.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.UserFacingException;

/**
 * A 12345 export as header names and rows of text. The type is judged by content: an .xlsx is a ZIP (read with
 * POI's streaming SAX reader, so a large sheet is never held as a workbook), anything else must be CSV text in
 * UTF-8 or, as Excel in China saves it, GB18030.
 */
final class WorkOrderFile {

	/** One data row; {@code line} is the row number a person sees in Excel (header = 1). */
	record Row(int line, Map<String, String> values) {

		String get(String header) {
			String value = header == null ? null : values.get(header);
			return value == null || value.isBlank() ? null : value.strip();
		}

	}

	private final List<String> headers;

	private final List<Row> rows;

	private WorkOrderFile(List<String> headers, List<Row> rows) {
		this.headers = headers;
		this.rows = rows;
	}

	List<String> headers() {
		return headers;
	}

	List<Row> rows() {
		return rows;
	}

	static boolean isXlsx(byte[] content) {
		return content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
	}

	static WorkOrderFile read(byte[] content, int maxRows) {
		if (content == null || content.length == 0) {
			throw new InvalidRequestException("import.file.empty");
		}
		WorkOrderFile file = isXlsx(content) ? readXlsx(content, maxRows) : readCsv(content, maxRows);
		if (file.rows.isEmpty()) {
			throw new InvalidRequestException("import.file.empty");
		}
		return file;
	}

	private static WorkOrderFile readCsv(byte[] content, int maxRows) {
		int probe = Math.min(content.length, 4096);
		for (int i = 0; i < probe; i++) {
			if (content[i] == 0) {
				throw new UserFacingException(org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE,
						"import.file.wrongType");
			}
		}
		String text = decode(content);
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.setAllowMissingColumnNames(true)
			.setIgnoreHeaderCase(false)
			.get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			List<String> headers = parser.getHeaderNames();
			List<Row> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				if (rows.size() >= maxRows) {
					throw new InvalidRequestException("import.file.tooManyRows", maxRows);
				}
				Map<String, String> values = new HashMap<>();
				for (String header : headers) {
					if (record.isSet(header)) {
						values.put(header, record.get(header));
					}
				}
				rows.add(new Row((int) record.getRecordNumber() + 1, values));
			}
			return new WorkOrderFile(headers, rows);
		}
		catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException ex) {
			throw new InvalidRequestException("import.file.unreadable");
		}
	}

	private static String decode(byte[] content) {
		int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF ? 3 : 0;
		try {
			return strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(content, start, content.length - start))
				.toString();
		}
		catch (CharacterCodingException notUtf8) {
			try {
				return strict(Charset.forName("GB18030")).decode(ByteBuffer.wrap(content)).toString();
			}
			catch (CharacterCodingException neither) {
				throw new InvalidRequestException("import.file.unreadable");
			}
		}
	}

	private static java.nio.charset.CharsetDecoder strict(Charset charset) {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	private static WorkOrderFile readXlsx(byte[] content, int maxRows) {
		try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new InvalidRequestException("import.file.empty");
			}
			Collector collector = new Collector(maxRows);
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, collector,
						new DataFormatter(Locale.CHINA), false));
				parser.parse(new InputSource(sheet));
			}
			return new WorkOrderFile(collector.headers, collector.rows);
		}
		catch (UserFacingException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new InvalidRequestException("import.file.unreadable");
		}
	}

	/** Receives the cells of the first sheet; the first non-empty row is the header. */
	private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final int maxRows;

		private final List<String> headers = new ArrayList<>();

		private final List<Row> rows = new ArrayList<>();

		private Map<Integer, String> current;

		Collector(int maxRows) {
			this.maxRows = maxRows;
		}

		@Override
		public void startRow(int rowNum) {
			current = new LinkedHashMap<>();
		}

		@Override
		public void endRow(int rowNum) {
			if (current.values().stream().allMatch(v -> v == null || v.isBlank())) {
				return;
			}
			if (headers.isEmpty()) {
				int last = current.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
				for (int i = 0; i <= last; i++) {
					headers.add(current.getOrDefault(i, "").strip());
				}
				return;
			}
			if (rows.size() >= maxRows) {
				throw new InvalidRequestException("import.file.tooManyRows", maxRows);
			}
			Map<String, String> values = new HashMap<>();
			current.forEach((column, value) -> {
				if (column < headers.size()) {
					values.put(headers.get(column), value);
				}
			});
			rows.add(new Row(rowNum + 1, values));
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			if (reference != null) {
				current.put((int) new CellReference(reference).getCol(), formattedValue);
			}
		}

	}

}
