package chengguan.e2e;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import chengguan.fieldwork.LedgerWorkbook;
import chengguan.support.TestImages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 5: a liaison logs a visit on the phone, checking in at the community; the office downloads the month's
 * 附件2 ledger and finds the visit in it.
 */
class FieldworkJourneyTest extends BrowserJourneys {

	@Test
	void aLiaisonLogsAVisitOnThePhoneAndTheOfficeExportsTheLedger() throws Exception {
		String work = "浏览器旅程：走访德仁花园，向商户宣传门前三包";

		// 5a. the liaison, at phone width, standing in 德仁社区
		BrowserContext phone = phoneAt(34.8741, 117.3801);
		Page liaison = signIn(phone, "xingren");
		liaison.navigate(url("/fieldwork"));
		liaison.click("a:text('登记勤务日志')");
		liaison.selectOption("#communityCode", "370471001001");
		liaison.fill("#start", "08:30");
		liaison.fill("#end", "10:45");
		liaison.click("label:text('社区巡查')");
		liaison.click("label:text('普法宣传')");
		liaison.fill("#whatWasDone", work);
		Path photo = Files.createTempFile("visit", ".jpg");
		Files.write(photo, TestImages.jpegWithExif(320, 240, 1));
		liaison.setInputFiles("#photos", photo);
		liaison.fill("#contactName", "孙丽华");
		liaison.fill("#contactPhone", "13800002001");
		liaison.click("#checkin");
		assertThat(liaison.locator("#checkin-status")).containsText("已签到");
		screenshot(liaison, "5-liaison-duty-log");
		liaison.click("button[type=submit]:text('保存')");
		assertThat(liaison.locator(".alert-success")).containsText("勤务日志已保存");
		assertThat(liaison.locator(".alert-success")).not().containsText("较远");
		liaison.navigate(url("/fieldwork/logs"));
		assertThat(liaison.locator("#duty-logs")).containsText(work);
		assertThat(liaison.locator("#duty-logs tr:has-text('" + work + "') img[alt='现场照片']")).hasCount(1);

		// 5b. the office sees where the ledgers stand and downloads 兴仁中队's for this month
		BrowserContext desk = desktop();
		Page office = signIn(desk, "dispatcher");
		office.navigate(url("/fieldwork/ledgers"));
		assertThat(office.locator("#ledgers")).containsText("兴仁中队");
		screenshot(office, "5-office-ledgers");
		Download download = office.waitForDownload(
				() -> office.locator("#ledgers tr:has-text('兴仁中队') a:text('Excel')").first().click());
		assertThat(download.suggestedFilename()).endsWith("进社区工作台账.xlsx");
		try (InputStream in = Files.newInputStream(download.path()); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(LedgerWorkbook.TITLE);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("填表单位：兴仁中队");
			Row found = null;
			for (int i = 3; i < sheet.getLastRowNum(); i++) {
				if (sheet.getRow(i).getCell(3).getStringCellValue().endsWith(work)) {
					found = sheet.getRow(i);
				}
			}
			assertThat(found).as("the visit logged on the phone is in the ledger").isNotNull();
			assertThat(found.getCell(1).getStringCellValue()).endsWith("08:30–10:45");
			assertThat(found.getCell(2).getStringCellValue()).isEqualTo("德仁社区");
			assertThat(found.getCell(3).getStringCellValue()).startsWith("社区巡查、普法宣传：");
			assertThat(found.getCell(4).getStringCellValue()).startsWith("张伟");
			assertThat(found.getCell(5).getStringCellValue()).isEqualTo("孙丽华 13800002001");
			assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue()).isEqualTo(LedgerWorkbook.NOTE);
		}

		// the office's other field-work pages render with their figures and chart
		office.navigate(url("/fieldwork/compliance"));
		assertThat(office.locator("#compliance")).containsText("张伟");
		screenshot(office, "5-office-compliance");
		office.navigate(url("/fieldwork/property"));
		java.util.List<String> companies = office.locator("a[href*='/fieldwork/property/companies/']").all().stream()
			.map(link -> link.getAttribute("href"))
			.filter(href -> href.matches(".*/companies/\\d+$"))
			.toList();
		boolean charted = false;
		for (String company : companies) {
			office.navigate(url(company));
			if (office.locator("#property-trend").count() > 0) {
				assertThat(office.locator("#property-trend canvas")).hasCount(1);
				charted = true;
				break;
			}
		}
		assertThat(charted).as("a demo company with inspections shows its score trend").isTrue();
		screenshot(office, "5-office-property-trend");
		office.navigate(url("/fieldwork/campaigns"));
		office.locator("table a:has-text('清爽行动')").first().click();
		assertThat(office.locator("#figure-cases")).isVisible();
		screenshot(office, "5-office-campaign");
		phone.close();
		desk.close();
	}

}
