package chengguan.intake.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;

/** Reads the photo parts of a form; the empty part a browser sends for "no file chosen" is not a photo. */
final class Photos {

	private Photos() {
	}

	static List<byte[]> read(List<MultipartFile> parts) {
		if (parts == null) {
			return List.of();
		}
		return parts.stream().filter(part -> !part.isEmpty()).map(Photos::bytes).toList();
	}

	private static byte[] bytes(MultipartFile part) {
		try {
			return part.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
