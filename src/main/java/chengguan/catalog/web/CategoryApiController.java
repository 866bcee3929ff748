package chengguan.catalog.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import chengguan.catalog.CategoryKind;
import chengguan.catalog.CategoryService;

/** Public: the categories a resident may report against, for apps and mini-programs. */
@RestController
class CategoryApiController {

	record CategoryJson(String code, String name, CategoryKind kind, String group, String icon) {
	}

	private final CategoryService categories;

	CategoryApiController(CategoryService categories) {
		this.categories = categories;
	}

	@GetMapping("/api/v1/categories")
	List<CategoryJson> reportable() {
		return categories.reportable()
			.stream()
			.map(entry -> new CategoryJson(entry.category().code(), entry.category().name(), entry.category().kind(),
					entry.groupPath(), entry.category().icon()))
			.toList();
	}

}
