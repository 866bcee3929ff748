package chengguan.platform.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

import chengguan.platform.documents.DocumentsBusyException;

import static org.assertj.core.api.Assertions.assertThat;

/** When every PDF builder is busy the person is told to come back shortly: 503 with Retry-After, never a 500. */
class DocumentsBusyTest {

	private final UserFacingErrorHandler handler = new UserFacingErrorHandler(messages());

	@Test
	void aPageAsksToComeBackInThirtySeconds() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/public/communities/370471001001/card.pdf");
		MockHttpServletResponse response = new MockHttpServletResponse();

		ModelAndView answer = handler.documentsBusy(new DocumentsBusyException("all fonts lent"), request, response);

		assertThat(answer.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(answer.getViewName()).isEqualTo("error");
		assertThat(answer.getModel().get("message")).isEqualTo("正在生成的文件较多，请 30 秒后重试。");
		assertThat(response.getHeader("Retry-After")).isEqualTo("30");
	}

	@Test
	void theApiGetsTheSameAnswerAsJson() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/reports/ABC");
		MockHttpServletResponse response = new MockHttpServletResponse();

		ModelAndView answer = handler.documentsBusy(new DocumentsBusyException("all fonts lent"), request, response);

		assertThat(answer.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(answer.getViewName()).isNull();
		assertThat(answer.getModel()).containsEntry("status", 503);
	}

	private static ResourceBundleMessageSource messages() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
