package chengguan.platform.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;

/** The contents of a form's file parts; the empty part a browser sends for "no file chosen" is left out. */
public final class UploadedFiles {

	private UploadedFiles() {
	}

	public static List<byte[]> contents(List<MultipartFile> parts) {
		if (parts == null) {
			return List.of();
		}
		return parts.stream().filter(part -> !part.isEmpty()).map(UploadedFiles::bytes).toList();
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
