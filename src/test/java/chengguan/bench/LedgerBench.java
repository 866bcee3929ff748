package chengguan.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Iterator;

import chengguan.fieldwork.LedgerPdf;
import chengguan.fieldwork.LedgerWorkbook;

/**
 * Benchmark, not a test (run by bench/ledger.sh): writes a 附件2 ledger of N generated entries and prints the time,
 * the file size and the peak heap in use, to show that the streaming workbook (or the PDF, written out page by page)
 * keeps memory bounded: 50,000 rows of either fit in a 64 MB heap.
 */
public final class LedgerBench {

	private LedgerBench() {
	}

	public static void main(String[] args) throws IOException {
		int entries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		boolean pdf = args.length > 1 && args[1].equalsIgnoreCase("pdf");
		String[] communities = { "德仁社区", "光明社区", "天安社区", "复兴社区", "兴安社区", "松江社区", "兴城花园社区", "锦绣园社区", "欣兴社区" };
		Iterator<LedgerWorkbook.Entry> rows = new Iterator<>() {
			private int i;

			@Override
			public boolean hasNext() {
				return i < entries;
			}

			@Override
			public LedgerWorkbook.Entry next() {
				i++;
				return new LedgerWorkbook.Entry(LocalDate.of(2026, 11, 1 + i % 30), LocalTime.of(8 + i % 9, 0),
						LocalTime.of(9 + i % 9, 30), communities[i % communities.length],
						"社区巡查、普法宣传：第 " + i + " 次巡查背街小巷，发放宣传册，劝导店外经营，收集居民意见建议",
						"张伟 13800003001；王志强 13800001001", "孙丽华 13800002001");
			}
		};
		long[] written = { 0 };
		OutputStream counting = new OutputStream() {
			@Override
			public void write(int b) {
				written[0]++;
			}

			@Override
			public void write(byte[] b, int off, int len) {
				written[0] += len;
			}
		};
		System.gc();
		long start = System.nanoTime();
		LedgerWorkbook.Header header = new LedgerWorkbook.Header("兴仁中队", LocalDate.of(2026, 12, 1), "张伟",
				"13800003001", YearMonth.of(2026, 11));
		int count = pdf ? LedgerPdf.write(header, rows, counting) : LedgerWorkbook.write(header, rows, counting);
		long millis = (System.nanoTime() - start) / 1_000_000;
		long peakHeap = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peakHeap += pool.getPeakUsage().getUsed();
			}
		}
		System.out.printf("entries: %d%n%s size: %d KB%ntime: %d ms%npeak heap used (all pools): %d MB (max heap %d MB)%n",
				count, pdf ? "pdf" : "xlsx", written[0] / 1024, millis, peakHeap / (1024 * 1024),
				Runtime.getRuntime().maxMemory() / (1024 * 1024));
	}

}
