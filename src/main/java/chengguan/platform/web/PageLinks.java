package chengguan.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links to another page of the list being shown: the current request's path and filters with only {@code page}
 * changed, so the one pagination fragment serves every list without knowing its filters.
 */
@Component("pageLinks")
public class PageLinks {

	public String to(int page) {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString());
		return (page > 0 ? link.replaceQueryParam("page", page) : link.replaceQueryParam("page")).build()
			.toUriString();
	}

}
